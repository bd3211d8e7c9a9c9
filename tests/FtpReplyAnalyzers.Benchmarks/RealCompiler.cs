using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace FtpReplyAnalyzers.Benchmarks;

/// <summary>
/// --csc: what a build pays, measured with the compiler a build runs. The generated code is written to a folder and
/// compiled by the SDK's own csc (ReadyToRun, tiered JIT, a fresh process each time: a first build, or a build after
/// the compiler server has stopped), with no analyzer, with ours and with Meziantou.Analyzer, in turn, run after run.
/// Each compile is on one thread (-parallel-: the analyzers then run beside the compiler on one more thread, not
/// spread over every core), emits to a file and reports the analyzers' execution time (-reportanalyzer). The table
/// gives, per configuration, the build's wall time and the analyzers' reported time (medians, with the spread), the
/// reported time over the build without analyzers, and the build's wall time over that build.
/// </summary>
internal static class RealCompiler
{
    private static readonly Regex TotalTime = new(@"Total analyzer execution time:\s*([0-9]+(?:[.,][0-9]+)?)", RegexOptions.CultureInvariant);
    private static readonly Regex Warning = new(@"warning (FTPR[0-9]{4})", RegexOptions.CultureInvariant);

    public static int Run(IReadOnlyList<string> files, IReadOnlyList<(string Name, string Text)> surface, string? meziantou, int runs)
    {
        if (Sdk() is not { } sdk)
        {
            Console.Error.WriteLine("--csc: no SDK with Roslyn/bincore/csc.dll and a Microsoft.NETCore.App.Ref pack found beside the running runtime.");
            return 1;
        }

        var folder = Path.Combine(Path.GetTempPath(), "ftpr-csc-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        try
        {
            var sources = new List<string>();
            for (var i = 0; i < files.Count; i++)
            {
                sources.Add(Write(folder, $"File{i}.cs", files[i]));
            }

            foreach (var (name, text) in surface)
            {
                sources.Add(Write(folder, name, text));
            }

            var arguments = new List<string> { "-nologo", "-target:library", "-nullable:enable", "-langversion:latest", "-parallel-", "-out:" + Path.Combine(folder, "out.dll") };
            arguments.AddRange(Directory.GetFiles(sdk.References, "*.dll").OrderBy(f => f, StringComparer.Ordinal).Select(r => "-r:" + r));
            arguments.AddRange(sources);
            var rsp = Path.Combine(folder, "build.rsp");
            File.WriteAllLines(rsp, arguments.Select(a => "\"" + a + "\""));

            var configurations = new List<(string Label, string? Analyzer)>
            {
                ("no analyzer", null),
                ("FtpReplyAnalyzers", typeof(Rules.RuleDescriptors).Assembly.Location),
            };
            if (meziantou is not null)
            {
                configurations.Add(("Meziantou.Analyzer 3.0.321", meziantou));
            }

            Console.WriteLine($"machine: {Environment.ProcessorCount} cores; the SDK's compiler {sdk.Csc}; {files.Sum(CodeGenerator.CountLines):N0} lines; {runs} builds per configuration, in turn; load {Load.Text()}");
            Console.WriteLine();
            var wall = configurations.Select(_ => new List<double>()).ToList();
            var reported = configurations.Select(_ => new List<double>()).ToList();
            var byRule = configurations.Select(_ => string.Empty).ToList();
            for (var run = 0; run < runs; run++)
            {
                for (var i = 0; i < configurations.Count; i++)
                {
                    var (ms, output) = Build(sdk.Csc, rsp, configurations[i].Analyzer, folder);
                    wall[i].Add(ms);
                    if (configurations[i].Analyzer is not null)
                    {
                        if (TotalTime.Match(output) is not { Success: true } total)
                        {
                            Console.Error.WriteLine($"--csc: csc reported no analyzer time for {configurations[i].Label}:\n{Tail(output)}");
                            return 1;
                        }

                        reported[i].Add(1000 * double.Parse(total.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture));
                    }

                    byRule[i] = string.Join(", ", Warning.Matches(output).Select(m => m.Groups[1].Value).GroupBy(id => id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
                }
            }

            var baseline = Median(wall[0]);
            Console.WriteLine("| configuration | build, median (ms) | fastest (ms) | slowest (ms) | build over the build without analyzers | analyzers' reported time, median (ms) | lowest (ms) | highest (ms) | reported time over the build without analyzers |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            for (var i = 0; i < configurations.Count; i++)
            {
                var analyzerColumns = reported[i].Count == 0
                    ? "| - | - | - | - |"
                    : $"| {Median(reported[i]):F0} | {reported[i].Min():F0} | {reported[i].Max():F0} | {100 * Median(reported[i]) / baseline:F1}% |";
                Console.WriteLine($"| {configurations[i].Label} | {Median(wall[i]):F0} | {wall[i].Min():F0} | {wall[i].Max():F0} | {100 * Median(wall[i]) / baseline:F0}% {analyzerColumns}");
            }

            Console.WriteLine($"load {Load.Text()}");
            Console.WriteLine($"FtpReplyAnalyzers' warnings in the last build: {byRule[1]}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (double Ms, string Output) Build(string csc, string rsp, string? analyzer, string folder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var argument in new[] { "exec", csc, "@" + rsp })
        {
            start.ArgumentList.Add(argument);
        }

        if (analyzer is not null)
        {
            start.ArgumentList.Add("-analyzer:" + analyzer);
            start.ArgumentList.Add("-reportanalyzer");
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var ms = watch.Elapsed.TotalMilliseconds;
        output += error.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"csc failed ({process.ExitCode}):\n{Tail(output)}");
        }

        return (ms, output);
    }

    private static string Tail(string output) => output.Length > 4000 ? output.Substring(output.Length - 4000) : output;

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The newest SDK's csc beside the running runtime, and the reference pack of the runtime's version.</summary>
    private static (string Csc, string References)? Sdk()
    {
        // .../dotnet/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var version = Path.GetFileName(runtime);
        var csc = Directory.Exists(Path.Combine(root, "sdk"))
            ? Directory.GetDirectories(Path.Combine(root, "sdk"))
                .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(d => d.Version is not null && File.Exists(Path.Combine(d.Dir, "Roslyn", "bincore", "csc.dll")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "Roslyn", "bincore", "csc.dll"))
                .FirstOrDefault()
            : null;
        var framework = "net" + Environment.Version.Major.ToString(CultureInfo.InvariantCulture) + ".0";
        var references = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref", version, "ref", framework);
        return csc is not null && Directory.Exists(references) ? (csc, references) : null;
    }
}
