using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using FtpReplyAnalyzers.Benchmarks;
using FtpReplyAnalyzers.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Measures what FtpReplyAnalyzers cost next to the compilation they run in:
//   dotnet run -c Release --project tests/FtpReplyAnalyzers.Benchmarks [-- --lines 100000 --runs 5] [--only clients|replies|plain] [--analyzers A,B] [--gc-free]
// Three compilations of 100,000 lines each by default: FTP client code (whole client classes as they are written,
// with the reply-handling templates among them), reply handling alone (every method tests replies: the worst
// case), and code with no FTP at all. For each it reports the compilation's own time (binding and diagnostics,
// no emit), the analyzers' total execution time from CompilationWithAnalyzers telemetry, and their ratio: the
// median run and the best run. Each compilation is first run once untimed at full size: steady state, as in a
// long-lived compiler server (the first such run is where the heap grows to the size the analysis needs).
// Like for like: the telemetry adds up the time of the analyzers' callbacks, whatever thread they ran on, so the
// compilation is timed on one thread too (concurrentBuild off), and the analysis binds on one thread beside the
// analyzers instead of on every core (on a small machine the compiler's parallel binding takes the analyzers'
// core away in the middle of their callbacks, and the telemetry counts that as their time). The compilation on
// all cores is timed as well and shown beside, with the ratio to it. The runner uses the server GC, as csc and
// the compiler server do. A GC pause still counts against whichever analyzer it interrupts; the GC pauses of
// the analysis are shown beside. --gc-free runs the compilation and the analysis in no-GC regions instead.
// Then Meziantou.Analyzer's mean time per rule on the FTP client code beside ours; then our time at a quarter,
// half and all of the FTP client code (linear scaling). --only measures one compilation and stops (for a
// profiler); --analyzers runs only the named analyzer types; FTPR_BENCH_DETAIL=1 prints each analyzer's time,
// the diagnostics by rule, and each run's allocations.
var lines = ArgInt(args, "--lines", 100_000);
var runs = ArgInt(args, "--runs", 5);
Settings.GcFree = args.Contains("--gc-free");
var ours = typeof(RuleDescriptors).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
    .Where(t => ArgText(args, "--analyzers") is not { } only || only.Split(',').Contains(t.Name, StringComparer.Ordinal))
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {runs} runs, median and best{(Settings.GcFree ? ", no-GC regions" : string.Empty)}");
Console.WriteLine();

Console.WriteLine("| code | lines | compilation, one thread (ms) | FtpReplyAnalyzers, median (ms) | ratio | best run (ms) | ratio | compilation on all cores (ms) | median ratio to it | GC pauses in the analysis (ms) | diagnostics |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
if (ArgText(args, "--only") is { } single)
{
    // For a profiler: one compilation, nothing else.
    var workload = single switch { "replies" => Workload.ReplyHandling, "plain" => Workload.Plain, _ => Workload.FtpClients };
    Measure(workload.ToString(), CodeGenerator.Generate(workload, lines), ours, runs, withSurface: workload != Workload.Plain);
    return 0;
}

var ftpFiles = CodeGenerator.Generate(Workload.FtpClients, lines);
var ftpResult = Measure("FTP client code", ftpFiles, ours, runs, withSurface: true);
Measure("FTP reply handling only (worst case)", CodeGenerator.Generate(Workload.ReplyHandling, lines), ours, runs, withSurface: true);
Measure("no FTP types", CodeGenerator.Generate(Workload.Plain, lines), ours, runs, withSurface: false);
Console.WriteLine();

// The floor any operation analyzer pays: one that asks for the same operations and does nothing with them.
var floor = Measure(null, ftpFiles, ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer()), runs, withSurface: true);
Console.WriteLine($"An analyzer that only asks for the same operations and does nothing costs {floor.AnalyzerMs:F0} ms on the FTP client code.");
Console.WriteLine();

// Meziantou.Analyzer on the same FTP compilation.
var meziantou = LoadMeziantou();
if (!meziantou.IsEmpty)
{
    var rules = meziantou.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Count();
    var ourRules = ours.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Count();
    var theirs = Measure(null, ftpFiles, meziantou, runs, withSurface: true);
    Console.WriteLine("| analyzer package | rules | total on the FTP client code, median (ms) | mean per rule (ms) | mean per rule, best run (ms) |");
    Console.WriteLine("|---|---|---|---|---|");
    Console.WriteLine($"| FtpReplyAnalyzers | {ourRules} | {ftpResult.AnalyzerMs:F0} | {ftpResult.AnalyzerMs / ourRules:F1} | {ftpResult.BestAnalyzerMs / ourRules:F1} |");
    Console.WriteLine($"| Meziantou.Analyzer 3.0.321 | {rules} | {theirs.AnalyzerMs:F0} | {theirs.AnalyzerMs / rules:F1} | {theirs.BestAnalyzerMs / rules:F1} |");
    Console.WriteLine();
}

// Scaling.
Console.WriteLine("| FTP client code lines | FtpReplyAnalyzers, median (ms) | best run (ms) | best, ms per 1,000 lines |");
Console.WriteLine("|---|---|---|---|");
foreach (var fraction in new[] { 4, 2, 1 })
{
    var files = CodeGenerator.Generate(Workload.FtpClients, lines / fraction);
    var result = Measure(null, files, ours, runs, withSurface: true);
    Console.WriteLine($"| {result.Lines:N0} | {result.AnalyzerMs:F0} | {result.BestAnalyzerMs:F0} | {result.BestAnalyzerMs / (result.Lines / 1000.0):F2} |");
}

return 0;

static Result Measure(string? label, List<string> files, ImmutableArray<DiagnosticAnalyzer> analyzers, int runs, bool withSurface)
{
    var parse = new CSharpParseOptions(LanguageVersion.Latest);
    var trees = files.Select((f, i) => CSharpSyntaxTree.ParseText(f, parse, $"File{i}.cs")).ToList();
    if (withSurface)
    {
        trees.Add(CSharpSyntaxTree.ParseText(FluentFtpSurface.Source, parse, "FluentFtp.cs"));
    }

    var lineCount = files.Sum(CodeGenerator.CountLines);
    var compileTimes = new List<double>();
    var parallelCompileTimes = new List<double>();
    var analyzerTimes = new List<double>();
    var pauses = new List<double>();
    var diagnosticCount = 0;
    var detail = string.Equals(Environment.GetEnvironmentVariable("FTPR_BENCH_DETAIL"), "1", StringComparison.Ordinal);
    // Run -1 is untimed: it warms the JIT and Roslyn's first-use costs, and the first full-size run of a compilation is
    // where the process's heap grows to the size the analysis needs (fresh pages, the GC's budgets), which a
    // long-lived compiler server has already done.
    for (var run = -1; run < runs; run++)
    {
        var measured = run >= 0;
        // As in a build: the compiler binds and reports first, then the analyzers run on the same compilation,
        // so the analyzers' time is their own and not the binding the compiler does anyway.
        if (label is not null)
        {
            // The same compilation on every core, for the column beside.
            var parallel = Create(trees, concurrentBuild: true);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var parallelWatch = Stopwatch.StartNew();
            parallel.GetDiagnostics();
            if (measured)
            {
                parallelCompileTimes.Add(parallelWatch.Elapsed.TotalMilliseconds);
            }
        }

        var compilation = Create(trees, concurrentBuild: false);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var gcFreeCompile = Settings.GcFree && GC.TryStartNoGCRegion(Settings.NoGcBudget);
        var watch = Stopwatch.StartNew();
        var compilerDiagnostics = compilation.GetDiagnostics();
        if (measured)
        {
            compileTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        if (!measured && compilerDiagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            // The templates must compile: the analyzers would otherwise be measured on broken code.
            Console.Error.WriteLine($"  the generated code does not compile: {error}");
        }
        EndNoGcRegion(gcFreeCompile, "compilation");

        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        // Each measurement starts from the same heap: the compilation's, collected.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        // Starting a no-GC region collects first: the pauses counted are the analysis's own.
        var gcFreeAnalysis = Settings.GcFree && GC.TryStartNoGCRegion(Settings.NoGcBudget);
        var pauseBefore = GC.GetTotalPauseDuration();
        var wall = Stopwatch.StartNew();
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var wallMs = wall.Elapsed.TotalMilliseconds;
        EndNoGcRegion(gcFreeAnalysis, "analysis");
        var pauseMs = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
        if (measured)
        {
            pauses.Add(pauseMs);
        }
        if (detail)
        {
            Console.Error.WriteLine($"  analysis wall {wallMs:F0} ms, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:F0} MB (driver and analyzers), GC pauses {pauseMs:F0} ms");
        }

        diagnosticCount = diagnostics.Length;
        if (detail && !measured)
        {
            Console.Error.WriteLine("  diagnostics: " + string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        }

        var total = TimeSpan.Zero;
        foreach (var analyzer in analyzers)
        {
            var time = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
            total += time;
            if (detail && analyzers.Length < 20)
            {
                Console.Error.WriteLine($"  {analyzer.GetType().Name}: {time.TotalMilliseconds:F1} ms");
            }
        }

        if (measured)
        {
            analyzerTimes.Add(total.TotalMilliseconds);
        }
    }

    var result = new Result(lineCount, Median(compileTimes), Median(analyzerTimes), analyzerTimes.Min(), Median(pauses));
    if (label is not null)
    {
        var parallelMs = Median(parallelCompileTimes);
        Console.WriteLine($"| {label} | {lineCount:N0} | {result.CompilationMs:F0} | {result.AnalyzerMs:F1} | {100 * result.AnalyzerMs / result.CompilationMs:F2}% "
                          + $"| {result.BestAnalyzerMs:F1} | {100 * result.BestAnalyzerMs / result.CompilationMs:F2}% | {parallelMs:F0} | {100 * result.AnalyzerMs / parallelMs:F2}% "
                          + $"| {result.GcPauseMs:F0} | {diagnosticCount:N0} |");
    }

    return result;
}

// With --gc-free, the compilation and the analysis each run in a no-GC region: no collection interrupts them, so
// the times are the compiler's and the analyzers' own work, whoever's allocations would have set off a collection.
static void EndNoGcRegion(bool started, string what)
{
    if (!started)
    {
        return;
    }

    if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
    {
        GC.EndNoGCRegion();
    }
    else
    {
        Console.Error.WriteLine($"  the {what} allocated more than the no-GC budget: a collection ran");
    }
}

static CSharpCompilation Create(IEnumerable<SyntaxTree> trees, bool concurrentBuild)
    => CSharpCompilation.Create("Bench", trees, Basic.Reference.Assemblies.Net100.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: concurrentBuild));

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

static ImmutableArray<DiagnosticAnalyzer> LoadMeziantou()
{
    var package = typeof(Result).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => string.Equals(a.Key, "MeziantouAnalyzerPackage", StringComparison.Ordinal))?.Value;
    var path = package is null ? null : Path.Combine(package, "analyzers", "dotnet", "roslyn5.0", "cs", "Meziantou.Analyzer.dll");
    if (path is null || !File.Exists(path))
    {
        Console.WriteLine("Meziantou.Analyzer not found; skipping the comparison.");
        return ImmutableArray<DiagnosticAnalyzer>.Empty;
    }

    var reference = new AnalyzerFileReference(path, new Loader());
    return reference.GetAnalyzers(LanguageNames.CSharp);
}

static string? ArgText(string[] args, string name)
{
    var i = Array.FindIndex(args, a => string.Equals(a, name, StringComparison.Ordinal));
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static int ArgInt(string[] args, string name, int fallback)
    => int.TryParse(ArgText(args, name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;

namespace FtpReplyAnalyzers.Benchmarks
{
    /// <summary>Medians over the runs, and the analyzers' best run (the one least hit by GC pauses that the driver's allocations cause).</summary>
    internal static class Settings
    {
        /// <summary>Run the compilation and the analysis in no-GC regions (--gc-free).</summary>
        public static bool GcFree;

        /// <summary>More than the compilation or the analysis of the largest code allocates.</summary>
        public const long NoGcBudget = 4L << 30;
    }

    internal sealed record Result(int Lines, double CompilationMs, double AnalyzerMs, double BestAnalyzerMs, double GcPauseMs);

    /// <summary>Asks for the operations the rules look at and does nothing: the driver's own cost of an operation analyzer.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class FloorAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("FLOOR01", "floor", "floor", "floor", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.Return, OperationKind.Throw, OperationKind.Branch, OperationKind.Binary);
        }
    }

    internal sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
