using CustomerService.Api.Http.Envelope;
using CustomerService.Api.Http.Json;
using CustomerService.Api.Http.Routing;
using CustomerService.Application.Common.Behaviours;
using CustomerService.Application.Common.Events;
using Mediator;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CustomerService.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The generated mediator. Scoped, because handlers use the scoped DbContext. Behaviours run in
    /// the order listed, the first outermost. The log scope comes first so that every event of the
    /// message — error translation's warning included — names the command and the customer; the
    /// span next, so it covers validation, the handler and every retry (an exception that error
    /// translation lets through marks it failed). Error translation wraps validation, so a failure
    /// anywhere inside becomes an error code; the unit of work (execution strategy, conflict retry)
    /// wraps only the handler, so a retry does not validate again, and publishes the committed domain
    /// events after the last attempt. Behaviours and notification handlers an extender registers in DI
    /// after this call are found too (docs/extending.md): extra behaviours run innermost, inside the unit of work.
    /// </summary>
    public static IServiceCollection AddCustomerMediator(this IServiceCollection services) =>
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Application.DependencyInjection)];
            options.NotificationPublisherType = typeof(IsolatingNotificationPublisher);
            options.PipelineBehaviors =
            [
                typeof(LoggingScopeBehaviour<,>),
                typeof(TracingBehaviour<,>),
                typeof(ErrorTranslationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
            ];
        });

    /// <summary>MVC controllers speaking the MicroBase conventions: strict JSON in, envelopes out.</summary>
    public static IServiceCollection AddMicroBaseControllers(this IServiceCollection services, IConfiguration configuration)
    {
        var microBase = configuration.GetSection(MicroBaseOptions.SectionName).Get<MicroBaseOptions>() ?? new MicroBaseOptions();
        services.AddControllers(options =>
            {
                options.InputFormatters.Clear();
                options.InputFormatters.Add(new MicroBaseJsonInputFormatter());

                // Arguments come as JSON (or, for read methods, the query string), never as a form.
                options.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();

                // Validation belongs to the mediator pipeline, where non-HTTP callers get it too: MVC
                // neither validates an argument nor walks its members looking for something to validate.
                options.ModelValidatorProviders.Clear();
                options.ModelMetadataDetailsProviders.Add(new SuppressChildValidationMetadataProvider(typeof(object)));
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Conventions.Add(new BasePathRouteConvention(microBase.BasePath));
            })
            .ConfigureApiBehaviorOptions(options =>
            {
                options.SuppressMapClientErrors = true;
                options.InvalidModelStateResponseFactory = context => EnvelopeResult.FromModelState(context.ModelState);
            });
        return services;
    }
}
