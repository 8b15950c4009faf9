using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace CustomerService.Tests.Api;

/// <summary>
/// A plain Development start on a machine that never had a user secret, as a newcomer has it: one warning,
/// naming the command that makes a key; and a key that command writes after start is used without a restart.
/// </summary>
[NonParallelizable]
public sealed class DevelopmentStartTests
{
    private const string UserJwtsIssuer = "dotnet-user-jwts";
    private const string UserJwtsAudience = "http://localhost:3005"; // appsettings.Development.json's ValidAudiences

    private string _home = null!;
    private string _database = null!;

    [SetUp]
    public void FreshHome()
    {
        _home = Directory.CreateTempSubdirectory("customer-home-").FullName;
        _database = Path.Combine(_home, "customers.db");
    }

    [TearDown]
    public void DeleteHome() => Directory.Delete(_home, recursive: true);

    [Test]
    public async Task WithoutASigningKeyTheOnlyWarningNamesTheCommandThatMakesOne()
    {
        using var service = await ServiceProcess.StartAsync(Environment());
        var lines = await WaitForLinesAsync(service, line => line.Contains("Application started", StringComparison.Ordinal));

        var warnings = lines.Where(line => line.Contains(" WRN] ", StringComparison.Ordinal) || line.Contains(" ERR] ", StringComparison.Ordinal)).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1), string.Join('\n', lines));
        Assert.That(warnings[0], Does.Contain("dotnet user-jwts create --project Customer.Api --scope customers.read --scope customers.write"));
        Assert.That(lines, Has.None.Contains("XML encryptor"));
    }

    [Test]
    public async Task AKeyWrittenByUserJwtsAfterStartIsAcceptedWithoutARestart()
    {
        using var service = await ServiceProcess.StartAsync(Environment());
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var token = TestTokens.SignedWith(key, UserJwtsIssuer, UserJwtsAudience);
        using var anonymous = new ApiClient(http, token);
        var before = await anonymous.PostAsync("customer.list", new JsonObject());

        await WriteUserJwtsKeyAsync(key);
        var after = await PollAsync(() => anonymous.PostAsync("customer.list", new JsonObject()));

        Assert.That(before.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(after.Status, Is.EqualTo(HttpStatusCode.OK), after.Text);
    }

    [Test]
    public async Task AKeyThatExistedAtStartIsUsedAndNothingIsWarned()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await WriteUserJwtsKeyAsync(key);

        using var service = await ServiceProcess.StartAsync(Environment());
        using var client = new ApiClient(new HttpClient { BaseAddress = service.BaseAddress }, TestTokens.SignedWith(key, UserJwtsIssuer, UserJwtsAudience));
        var response = await client.PostAsync("customer.list", new JsonObject());
        var lines = await WaitForLinesAsync(service, line => line.Contains("responded 200", StringComparison.Ordinal));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(lines.Where(line => line.Contains(" WRN] ", StringComparison.Ordinal) || line.Contains(" ERR] ", StringComparison.Ordinal)), Is.Empty);
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["HOME"] = _home,
        ["ConnectionStrings__Customers"] = $"Data Source={_database}",
    };

    // What `dotnet user-jwts create` writes on first use: the key, in the user secrets of the project.
    private async Task WriteUserJwtsKeyAsync(string keyBase64)
    {
        var id = typeof(Program).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()!.UserSecretsId;
        var directory = Path.Combine(_home, ".microsoft", "usersecrets", id);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "secrets.json"),
            $$"""{"Authentication:Schemes:Bearer:SigningKeys":[{"Id":"0a1b2c3d","Issuer":"{{UserJwtsIssuer}}","Value":"{{keyBase64}}","Length":32}]}""");
    }

    private static async Task<ApiResponse> PollAsync(Func<Task<ApiResponse>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var response = await call();
            if (response.Status != HttpStatusCode.Unauthorized || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<IReadOnlyList<string>> WaitForLinesAsync(ServiceProcess service, Func<string, bool> until)
    {
        for (var attempt = 0; attempt < 100 && !service.StandardOutputLines.Any(until); attempt++)
        {
            await Task.Delay(50);
        }

        return service.StandardOutputLines;
    }
}
