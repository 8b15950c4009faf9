using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CustomerService.Tests.Support;

/// <summary>The built service run as a real process, for what only a real process shows (start-up refusal, Kestrel).</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _standardOutput = new();

    private ServiceProcess(Process process, int port)
    {
        _process = process;
        Port = port;

        // Drain both pipes: a service that logs more than a pipe holds would otherwise block on its next line.
        process.OutputDataReceived += (_, line) =>
        {
            Append(line.Data);
            AppendStandardOutput(line.Data);
        };
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the service has written to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What the service has written to standard output alone so far, line by line.</summary>
    public IReadOnlyList<string> StandardOutputLines
    {
        get
        {
            lock (_standardOutput)
            {
                return _standardOutput.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public static string ApiAssemblyPath
    {
        get
        {
            // Tests run from Customer.Tests/bin/<Configuration>/<tfm>/; the service builds beside them.
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var tfm = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            var repository = testOutput.Parent.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(repository, "Customer.Api", "bin", configuration, tfm, "Customer.Api.dll");
        }
    }

    /// <summary>Starts the service and returns once it answers HTTP, or throws with its output.</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        var port = FreePort();
        var process = Start(environment, port, workingDirectory);
        var service = new ServiceProcess(process, port);
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                var (exitCode, output) = (process.ExitCode, service.Output);
                service.Dispose();
                throw new AssertionException($"The service exited with {exitCode}: {output}");
            }

            try
            {
                await http.GetAsync(new Uri("/", UriKind.Relative));
                return service;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        service.Dispose();
        throw new AssertionException("The service did not answer within 30 s.");
    }

    /// <summary>Runs the service until it exits by itself (or 30 s pass) and returns its exit code and error output.</summary>
    public static async Task<(int ExitCode, string StandardError)> RunToExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        var exited = await RunUntilExitAsync(environment);
        return (exited.ExitCode, exited.StandardError);
    }

    /// <summary>Runs the service until it exits by itself (or 30 s pass): its exit code and both outputs.</summary>
    public static async Task<ExitedService> RunUntilExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        using var process = Start(environment, FreePort());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var standardError = process.StandardError.ReadToEndAsync(timeout.Token);
        var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new ExitedService(process.ExitCode, await standardOutput, await standardError);
    }

    /// <summary>Asks the service to stop the way a container runtime does: SIGTERM.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill")
        {
            ArgumentList = { "-TERM", ProcessId.ToString(CultureInfo.InvariantCulture) },
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new AssertionException($"kill -TERM {ProcessId} exited with {kill.ExitCode}.");
        }
    }

    /// <summary>Ends the service at once, as a crash or the OOM killer would: SIGKILL, no shutdown.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>Waits for the process to exit; returns false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private void AppendStandardOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_standardOutput)
        {
            _standardOutput.Append(line).Append('\n');
        }
    }

    private static Process Start(IReadOnlyDictionary<string, string> environment, int port, string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", ApiAssemblyPath },
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(ApiAssemblyPath)!,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        return Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>What a service process left behind when it exited.</summary>
public sealed record ExitedService(int ExitCode, string StandardOutput, string StandardError);
