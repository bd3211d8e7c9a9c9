using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace FtpReplyAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// The fault-injecting FTP server (server/fault_ftpd.py, pyftpdlib) on 127.0.0.1 and a port the system picks, for the
/// tests of a class. It fails with a clear message when it cannot start: these tests are never skipped.
/// </summary>
public sealed class FaultFtpServer : IDisposable
{
    /// <summary>The interpreter Debian's python3-pyftpdlib installs for.</summary>
    public const string Python = "/usr/bin/python3";

    private const string InstallHint = "Install it with `apt-get install -y python3-pyftpdlib` (as root), or run tools/test.sh, which installs it when it is missing.";

    private readonly Process _process;
    private readonly string _directory;
    private int _runs;

    public FaultFtpServer()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ftpr-e2e-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(_directory, "root");
        Directory.CreateDirectory(Root);
        LogPath = Path.Combine(_directory, "attempts.log");
        var portFile = Path.Combine(_directory, "port");
        var script = Path.Combine(AppContext.BaseDirectory, "fault_ftpd.py");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"The FTP server script {script} is missing from the test's output.");
        }

        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"The FTP server of the end-to-end tests needs {Python} with pyftpdlib, and {Python} does not exist. {InstallHint}");
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { script, "--root", Root, "--port-file", portFile, "--log", LogPath, "--time-limit", "900" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} {script} did not start.");
        var errors = new System.Text.StringBuilder();
        _process.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();

        var deadline = Stopwatch.StartNew();
        while (!File.Exists(portFile))
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                if (_process.HasExited)
                {
                    _process.WaitForExit();
                }

                string text;
                lock (errors)
                {
                    text = errors.ToString();
                }

                Dispose();
                var cause = text.Contains("No module named 'pyftpdlib'", StringComparison.Ordinal) ? $"pyftpdlib is not installed for {Python}. {InstallHint}" : "It did not write its port in time.";
                throw new InvalidOperationException($"The FTP server of the end-to-end tests did not start: {cause}\n{text}");
            }

            Thread.Sleep(20);
        }

        Port = int.Parse(File.ReadAllText(portFile), System.Globalization.CultureInfo.InvariantCulture);
    }

    public int Port { get; }

    public string Root { get; }

    public string LogPath { get; }

    /// <summary>A new folder on the server for one run: its own paths, so its own attempt counts.</summary>
    public string NewRunFolder()
    {
        var name = "run" + Interlocked.Increment(ref _runs).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Path.Combine(Root, name));
        return name;
    }

    /// <summary>Puts a file on the server.</summary>
    public void Put(string folder, string name, byte[] content) => File.WriteAllBytes(Path.Combine(Root, folder, name), content);

    public byte[] Get(string folder, string name) => File.ReadAllBytes(Path.Combine(Root, folder, name));

    public bool Exists(string folder, string name) => File.Exists(Path.Combine(Root, folder, name));

    /// <summary>How many times the server saw <paramref name="command"/> on the file (from its log).</summary>
    public int Attempts(string command, string folder, string name)
    {
        var line = $"{command} /{folder}/{name} ";
        return File.Exists(LogPath) ? File.ReadLines(LogPath).Count(l => l.StartsWith(line, StringComparison.Ordinal)) : 0;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
