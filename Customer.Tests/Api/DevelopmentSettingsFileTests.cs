using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api;

/// <summary>
/// `dotnet user-jwts create` rewrites Customer.Api/appsettings.Development.json (indented, no final newline).
/// Kept byte for byte as it writes it, the README's token command leaves the checkout clean; the README
/// replay (scripts/new-user-replay.sh in .ci/run) runs the real tool.
/// </summary>
public sealed class DevelopmentSettingsFileTests
{
    [Test]
    public void TheTrackedFileIsExactlyWhatUserJwtsWritesBack()
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ServiceProcess.ApiAssemblyPath)!)!, "..", "..", "appsettings.Development.json");
        var text = File.ReadAllText(path);

        var rewritten = JsonNode.Parse(text)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

        Assert.That(text, Is.EqualTo(rewritten), "reformat it as user-jwts does: two-space indent, no final newline");
    }
}
