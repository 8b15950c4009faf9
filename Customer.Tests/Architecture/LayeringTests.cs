using System.Reflection;
using CustomerService.Api.Controllers;
using CustomerService.Application.Common.Results;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence;
using FluentValidation;
using Mediator;

namespace CustomerService.Tests.Architecture;

/// <summary>The dependency rule of the clean architecture, checked on the compiled assemblies.</summary>
public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(Customer).Assembly;
    private static readonly Assembly Application = typeof(Result<>).Assembly;
    private static readonly Assembly Infrastructure = typeof(CustomerDbContext).Assembly;
    private static readonly Assembly Api = typeof(CustomerController).Assembly;

    [Test]
    public void DomainReferencesNoOtherProjectAndNoFramework()
    {
        var references = ReferencedNames(Domain);

        Assert.That(references, Has.None.StartsWith("Customer."));
        Assert.That(references, Has.None.StartsWith("Microsoft.EntityFrameworkCore"));
        Assert.That(references, Has.None.StartsWith("Microsoft.AspNetCore"));
        Assert.That(references, Has.None.StartsWith("Mediator"));
        Assert.That(references, Has.None.StartsWith("FluentValidation"));
    }

    [Test]
    public void ApplicationReferencesTheDomainButNeitherInfrastructureNorApi()
    {
        var references = ReferencedNames(Application);

        Assert.That(references, Does.Contain(Domain.GetName().Name));
        Assert.That(references, Does.Not.Contain(Infrastructure.GetName().Name));
        Assert.That(references, Does.Not.Contain(Api.GetName().Name));
        Assert.That(references, Has.None.StartsWith("Microsoft.EntityFrameworkCore"));
        Assert.That(references, Has.None.StartsWith("Microsoft.AspNetCore"));
        Assert.That(references, Has.None.StartsWith("OpenTelemetry"), "diagnostics through System.Diagnostics only");
        Assert.That(references, Has.None.StartsWith("Serilog"), "logging through Microsoft.Extensions.Logging only");
    }

    [Test]
    public void InfrastructureDoesNotReferenceTheApi()
    {
        Assert.That(ReferencedNames(Infrastructure), Does.Not.Contain(Api.GetName().Name));
    }

    [Test]
    public void ControllersDependOnlyOnTheMediator()
    {
        var controllers = Api.GetTypes().Where(t => t.Name.EndsWith("Controller", StringComparison.Ordinal) && !t.IsAbstract).ToList();
        var forbidden = new[] { typeof(CustomerDbContext), typeof(Microsoft.EntityFrameworkCore.DbContext) };

        Assert.That(controllers, Is.Not.Empty);
        foreach (var controller in controllers)
        {
            var dependencies = controller.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
                .Concat(controller.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public).Select(f => f.FieldType))
                .ToList();
            Assert.That(dependencies, Has.None.Matches<Type>(t => forbidden.Any(f => f.IsAssignableFrom(t))), controller.Name);
            Assert.That(dependencies, Has.None.Matches<Type>(t => t.Name.EndsWith("Repository", StringComparison.Ordinal)), controller.Name);
            Assert.That(dependencies, Has.None.Matches<Type>(t => t.Name == "IUnitOfWork"), controller.Name);
        }
    }

    [Test]
    public void EveryCommandAndQueryHasAValidator()
    {
        var messages = Application.GetTypes()
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i == typeof(IBaseCommand) || i == typeof(IBaseQuery)))
            .ToList();
        var validated = Application.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();

        Assert.That(messages, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(messages.Where(m => !validated.Contains(m)).Select(m => m.Name), Is.Empty);
    }

    [Test]
    public void TheAggregateHasNoPublicSetters()
    {
        var publicSetters = typeof(Customer).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Customer).Namespace && t.IsClass && !IsRecord(t))
            .SelectMany(t => t.GetProperties().Where(p => p.SetMethod?.IsPublic == true).Select(p => $"{t.Name}.{p.Name}"));

        Assert.That(publicSetters, Is.Empty);
    }

    private static List<string?> ReferencedNames(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;
}
