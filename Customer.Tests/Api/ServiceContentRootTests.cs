using CustomerService.Api.Hosting;

namespace CustomerService.Tests.Api;

public sealed class ServiceContentRootTests
{
    private string _current = null!;
    private string _service = null!;

    [SetUp]
    public void CreateDirectories()
    {
        _current = Directory.CreateTempSubdirectory("content-root-current-").FullName;
        _service = Directory.CreateTempSubdirectory("content-root-service-").FullName;
        File.WriteAllText(Path.Combine(_service, "appsettings.json"), "{}");
    }

    [TearDown]
    public void DeleteDirectories()
    {
        Directory.Delete(_current, recursive: true);
        Directory.Delete(_service, recursive: true);
    }

    [Test]
    public void UsesTheServiceDirectoryWhenTheCurrentOneHasNoSettings() =>
        Assert.That(ServiceContentRoot.Choose([], _current, _service), Is.EqualTo(_service));

    [Test]
    public void KeepsTheCurrentDirectoryWhenItHasSettings()
    {
        File.WriteAllText(Path.Combine(_current, "appsettings.json"), "{}");

        Assert.That(ServiceContentRoot.Choose([], _current, _service), Is.Null);
    }

    [Test]
    public void KeepsAContentRootNamedOnTheCommandLine() =>
        Assert.That(ServiceContentRoot.Choose(["--contentRoot", _current], _current, _service), Is.Null);
}
