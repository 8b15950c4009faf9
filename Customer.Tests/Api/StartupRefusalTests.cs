using System.Net;
using System.Net.Sockets;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api;

/// <summary>Start-up failures an operator fixes in a setting or on the machine: one line naming it, exit code 1.</summary>
public sealed class StartupRefusalTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("customer-startup-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task ABusyPortIsOneLineNamingTheAddress()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";
        var settings = Settings($"Data Source={Path.Combine(_directory, "customers.db")}");
        settings["ASPNETCORE_URLS"] = address;

        var exited = await ServiceProcess.RunUntilExitAsync(settings);

        AssertOneLineRefusal(exited, $"Failed to bind to address {address}: address already in use.");
    }

    [Test]
    public async Task AMissingDatabaseDirectoryIsOneLineNamingTheSetting()
    {
        var file = Path.Combine(_directory, "not-there", "customers.db");

        var exited = await ServiceProcess.RunUntilExitAsync(Settings($"Data Source={file}"));

        AssertOneLineRefusal(exited, $"ConnectionStrings:Customers names the SQLite file '{file}', but the directory '{Path.GetDirectoryName(file)}' does not exist.");
    }

    [Test]
    public async Task AFileThatIsNotADatabaseIsOneLineNamingTheSetting()
    {
        var file = Path.Combine(_directory, "customers.db");
        await File.WriteAllTextAsync(file, "these are not the pages of a SQLite database, but they are long enough to be read as a header");

        var exited = await ServiceProcess.RunUntilExitAsync(Settings($"Data Source={file}"));

        AssertOneLineRefusal(exited, $"ConnectionStrings:Customers names the SQLite file '{file}', which cannot be read as a database");
        Assert.That(File.ReadAllText(file), Does.StartWith("these are not the pages"), "the file is left as it was");
    }

    [Test]
    public async Task ADirectoryWhereTheFileShouldBeIsOneLineNamingTheSetting()
    {
        var exited = await ServiceProcess.RunUntilExitAsync(Settings($"Data Source={_directory}"));

        AssertOneLineRefusal(exited, $"ConnectionStrings:Customers names the SQLite file '{_directory}', but that is a directory.");
    }

    [TestCase("PostgreSql", "Host=127.0.0.1;Port={0};Username=nobody;Password=secret-password;Database=customers;Timeout=2")]
    [TestCase("SqlServer", "Server=tcp:127.0.0.1,{0};User Id=nobody;Password=secret-password;Database=customers;Connect Timeout=2;TrustServerCertificate=true")]
    public async Task AServerDatabaseThatCannotBeReachedIsOneLineNamingTheSetting(string provider, string connectionString)
    {
        // A port that was free a moment ago: nothing answers there.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var settings = Settings(string.Format(System.Globalization.CultureInfo.InvariantCulture, connectionString, port));
        settings["Database__Provider"] = provider;

        var exited = await ServiceProcess.RunUntilExitAsync(settings);

        var errorLines = exited.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exited.ExitCode, Is.EqualTo(1), exited.StandardOutput + exited.StandardError);
            Assert.That(errorLines, Has.Length.EqualTo(1), exited.StandardError);
            Assert.That(exited.StandardError, Does.StartWith($"Customer service refused to start: the {provider} database that ConnectionStrings:Customers names could not be reached"));
            Assert.That(exited.StandardOutput + exited.StandardError, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(exited.StandardOutput + exited.StandardError, Does.Not.Contain("secret-password"));
        }
    }

    private static void AssertOneLineRefusal(ExitedService exited, string expected)
    {
        var errorLines = exited.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exited.ExitCode, Is.EqualTo(1), exited.StandardOutput + exited.StandardError);
            Assert.That(errorLines, Has.Length.EqualTo(1), exited.StandardError);
            Assert.That(exited.StandardError, Does.StartWith("Customer service refused to start: ").And.Contain(expected));
            Assert.That(exited.StandardOutput + exited.StandardError, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(exited.StandardOutput, Does.Not.Contain("\"@l\":\"Error\"").And.Not.Contain("\"@l\":\"Fatal\""), "and no error event besides the line");
        }
    }

    private static Dictionary<string, string> Settings(string connectionString)
    {
        var settings = new TestTokens().Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["ConnectionStrings__Customers"] = connectionString;
        return settings;
    }
}
