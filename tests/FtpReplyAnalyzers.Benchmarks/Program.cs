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
//   dotnet run -c Release --project tests/FtpReplyAnalyzers.Benchmarks [-- --lines 100000 --runs 9] [--only clients|replies|plain|shapes|compare|scaling] [--analyzers A,B] [--gc-free]
//   dotnet run -c Release --project tests/FtpReplyAnalyzers.Benchmarks -- --tiered [--processes 7] [--lines 100000] [--only clients|replies|plain|shapes] [--analyzers A,B] [--cold]
//   dotnet run -c Release --project tests/FtpReplyAnalyzers.Benchmarks -- --replay [--runs 5] [--lines 100000] [--only clients|replies|plain|shapes] [--against old/FtpReplyAnalyzers.dll]
//     (the analyzer's own work, see Replay.cs; --against replays another build of the analyzer run by run beside this one)
//   dotnet run -c Release --project tests/FtpReplyAnalyzers.Benchmarks -- --csc [--runs 3] [--lines 100000] [--only clients|replies|plain|shapes]
//     (builds with the SDK's own csc, without analyzers, with ours and with Meziantou.Analyzer, see RealCompiler.cs)
// Three compilations of 100,000 lines each by default: FTP client code (a mix of whole client classes as they are
// written, reply-handling methods, and classes dense in the shapes the rule tests describe: the headline number),
// reply handling alone (the reply-handling methods and the shapes without the surrounding client code: the worst
// case), and code with no FTP at all. For each it reports the compilation's own time (binding and diagnostics, no
// emit), the analyzers' total execution time from CompilationWithAnalyzers telemetry, and their ratio: the median
// run, and the spread (the fastest and the slowest run). Two JIT modes:
// - steady state (the default): the runner is fully JIT-optimised from the start (TieredCompilation off in the
//   project), and each compilation is first run once untimed at full size, as in a long-lived compiler server (the
//   first such run is where the heap grows to the size the analysis needs); then --runs measured runs.
// - --tiered: the first run of a fresh process with the runtime's default tiered JIT, as a first build runs an
//   analyzer. The runner starts itself --processes times per compilation with DOTNET_TieredCompilation=1; each
//   process compiles the code once untimed and runs an analyzer that only asks for the operations (the compiler and
//   the analyzer driver warm, as the ReadyToRun-compiled compiler of the SDK is), then times one compilation and
//   the analyzers' first run. --cold leaves the warm-up out: everything is JIT-compiled during the timed runs.
// Like for like: the telemetry adds up the time of the analyzers' callbacks, whatever thread they ran on, so the
// compilation is timed on one thread too (concurrentBuild off), and the analysis binds on one thread beside the
// analyzers instead of on every core (on a small machine the compiler's parallel binding takes the analyzers'
// core away in the middle of their callbacks, and the telemetry counts that as their time). The compilation on
// all cores is timed as well and shown beside, with the ratio to it. The runner uses the server GC, as csc and
// the compiler server do. A GC pause still counts against whichever analyzer it interrupts; the GC pauses of
// the analysis are shown beside. --gc-free runs the compilation and the analysis in no-GC regions instead.
// Then Meziantou.Analyzer's mean time per rule on the FTP client code beside ours (our analyzers' total divided by
// the number of diagnostic ids they support, however many analyzer types there are); then our time at a quarter,
// half, all and twice the FTP client code (linear scaling). --only measures one compilation and stops (for a
// profiler), or only the comparison or the scaling; --analyzers runs only the named analyzer types (found by
// reflection, any number of them); FTPR_BENCH_DETAIL=1 prints each analyzer's time per run and its median, the
// diagnostics by rule, and each run's allocations. Each table is followed by the machine's load average.
var lines = ArgInt(args, "--lines", 100_000);
var runs = ArgInt(args, "--runs", 5);
Settings.GcFree = args.Contains("--gc-free");
var ours = typeof(RuleDescriptors).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
    .Where(t => ArgText(args, "--analyzers") is not { } only || only.Split(',').Contains(t.Name, StringComparer.Ordinal))
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();

if (ArgText(args, "--tiered-child") is { } childWorkload)
{
    return TieredChild(ParseWorkload(childWorkload), lines, ours, cold: args.Contains("--cold"));
}

if (args.Contains("--csc"))
{
    var workload = ParseWorkload(ArgText(args, "--only") ?? "clients");
    var surface = new List<(string, string)> { ("FluentFtp.cs", FluentFtpSurface.Source), ("Polly.cs", CodeGenerator.PollySurface) };
    return RealCompiler.Run(CodeGenerator.Generate(workload, lines), workload == Workload.Plain ? new() : surface, MeziantouPath(), ArgInt(args, "--runs", 3));
}

if (args.Contains("--replay"))
{
    var workload = ParseWorkload(ArgText(args, "--only") ?? "clients");
    var replayed = new List<(string, DiagnosticAnalyzer)> { ("this build", ours[0]) };
    if (ArgText(args, "--against") is { } baseline)
    {
        replayed.Add((baseline, Replay.LoadBuild(baseline).Single()));
    }

    Replay.Run(Create(Trees(CodeGenerator.Generate(workload, lines), withSurface: workload != Workload.Plain), concurrentBuild: false), replayed, runs);
    return 0;
}

if (args.Contains("--tiered"))
{
    return TieredParent(args, lines, ArgInt(args, "--processes", 7));
}

var only = ArgText(args, "--only");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; steady state (no tiered JIT), {runs} runs after an untimed one, median and spread (fastest, slowest){(Settings.GcFree ? ", no-GC regions" : string.Empty)}; load {Load.Text()}");
Console.WriteLine();

var ftpFiles = CodeGenerator.Generate(Workload.FtpClients, lines);
Result ftpResult;
if (only is null or "clients" or "replies" or "plain" or "shapes")
{
    Console.WriteLine(Result.Header);
    Console.WriteLine(Result.Rule);
    if (only is not null)
    {
        // For a profiler: one compilation, nothing else.
        var workload = ParseWorkload(only);
        Measure(Label(workload), CodeGenerator.Generate(workload, lines), ours, runs, withSurface: workload != Workload.Plain);
        Console.WriteLine($"load {Load.Text()}");
        return 0;
    }

    ftpResult = Measure(Label(Workload.FtpClients), ftpFiles, ours, runs, withSurface: true);
    Measure(Label(Workload.ReplyHandling), CodeGenerator.Generate(Workload.ReplyHandling, lines), ours, runs, withSurface: true);
    Measure(Label(Workload.Plain), CodeGenerator.Generate(Workload.Plain, lines), ours, runs, withSurface: false);
    Console.WriteLine($"load {Load.Text()}");
    Console.WriteLine();

    // The floor any operation analyzer pays: one that asks for the same operations and does nothing with them.
    var floor = Measure(null, ftpFiles, ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer()), runs, withSurface: true);
    Console.WriteLine($"An analyzer that only asks for the same operations and does nothing costs {floor.AnalyzerMs:F0} ms on the FTP client code.");
    Console.WriteLine();
}
else
{
    ftpResult = only == "compare" ? Measure(null, ftpFiles, ours, runs, withSurface: true) : null!;
}

// Meziantou.Analyzer on the same FTP compilation.
var meziantou = only is null or "compare" ? LoadMeziantou() : ImmutableArray<DiagnosticAnalyzer>.Empty;
if (!meziantou.IsEmpty)
{
    var rules = meziantou.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Count();
    // Per rule: the total over the diagnostic ids the measured analyzers support, whether one analyzer supports them all or each has its own.
    var ourRules = ours.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Count();
    var theirs = Measure(null, ftpFiles, meziantou, runs, withSurface: true);
    Console.WriteLine("| analyzer package | analyzer types | rules (diagnostic ids) | total on the FTP client code, median (ms) | mean per rule (ms) | mean per rule, fastest run (ms) |");
    Console.WriteLine("|---|---|---|---|---|---|");
    Console.WriteLine($"| FtpReplyAnalyzers | {ours.Length} | {ourRules} | {ftpResult.AnalyzerMs:F0} | {ftpResult.AnalyzerMs / ourRules:F1} | {ftpResult.BestAnalyzerMs / ourRules:F1} |");
    Console.WriteLine($"| Meziantou.Analyzer 3.0.321 | {meziantou.Length} | {rules} | {theirs.AnalyzerMs:F0} | {theirs.AnalyzerMs / rules:F1} | {theirs.BestAnalyzerMs / rules:F1} |");
    Console.WriteLine($"load {Load.Text()}");
    Console.WriteLine();
}

if (only is null or "scaling")
{
    // Scaling: a quarter, half, all and twice the lines; linear when the time per 1,000 lines stays put.
    Console.WriteLine("| FTP client code lines | FtpReplyAnalyzers, median (ms) | fastest (ms) | slowest (ms) | median, ms per 1,000 lines | fastest, ms per 1,000 lines | per 1,000 lines against the smallest |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    double? first = null;
    foreach (var size in new[] { lines / 4, lines / 2, lines, lines * 2 })
    {
        var files = CodeGenerator.Generate(Workload.FtpClients, size);
        var result = Measure(null, files, ours, runs, withSurface: true);
        var perThousand = result.AnalyzerMs / (result.Lines / 1000.0);
        first ??= perThousand;
        Console.WriteLine($"| {result.Lines:N0} | {result.AnalyzerMs:F0} | {result.BestAnalyzerMs:F0} | {result.WorstAnalyzerMs:F0} | {perThousand:F2} | {result.BestAnalyzerMs / (result.Lines / 1000.0):F2} | {perThousand / first.Value:F2}x |");
    }

    Console.WriteLine($"load {Load.Text()}");
}

return 0;

static Workload ParseWorkload(string name) => name switch
{
    "replies" => Workload.ReplyHandling,
    "plain" => Workload.Plain,
    "shapes" => Workload.Shapes,
    _ => Workload.FtpClients,
};

static string Label(Workload workload) => workload switch
{
    Workload.FtpClients => "FTP client code",
    Workload.ReplyHandling => "FTP reply handling only (worst case)",
    Workload.Shapes => "rule-test shapes only",
    _ => "no FTP types",
};

static Result Measure(string? label, List<string> files, ImmutableArray<DiagnosticAnalyzer> analyzers, int runs, bool withSurface)
{
    var trees = Trees(files, withSurface);
    var lineCount = files.Sum(CodeGenerator.CountLines);
    var compileTimes = new List<double>();
    var parallelCompileTimes = new List<double>();
    var analyzerTimes = new List<double>();
    var ratios = new List<double>();
    var pauses = new List<double>();
    var perAnalyzer = analyzers.ToDictionary(a => a, _ => new List<double>());
    var diagnosticCount = 0;
    var detail = Settings.Detail;
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

        var (compileMs, analysis) = CompileAndAnalyze(trees, analyzers, checkErrors: !measured);
        if (measured)
        {
            compileTimes.Add(compileMs);
            analyzerTimes.Add(analysis.TotalMs);
            ratios.Add(analysis.TotalMs / compileMs);
            pauses.Add(analysis.GcPauseMs);
            foreach (var (analyzer, ms) in analysis.PerAnalyzer)
            {
                perAnalyzer[analyzer].Add(ms);
            }
        }

        diagnosticCount = analysis.Diagnostics.Length;
        if (detail && !measured)
        {
            Console.Error.WriteLine("  diagnostics: " + ByRule(analysis.Diagnostics));
        }
    }

    var result = new Result(lineCount, Median(compileTimes), Median(analyzerTimes), analyzerTimes.Min(), analyzerTimes.Max(), Median(pauses));
    if (detail && analyzers.Length < 20)
    {
        Console.Error.WriteLine("  median per analyzer: " + string.Join(", ", perAnalyzer.Select(p => $"{p.Key.GetType().Name} {Median(p.Value):F1} ms")));
    }

    if (label is not null)
    {
        var parallelMs = Median(parallelCompileTimes);
        var buildMs = BuildMs(files, withSurface);
        Console.WriteLine($"| {label} | {lineCount:N0} | {result.CompilationMs:F0} | {result.AnalyzerMs:F1} | {result.BestAnalyzerMs:F1} | {result.WorstAnalyzerMs:F1} "
                          + $"| {100 * Median(ratios):F2}% | {100 * ratios.Min():F2}% | {100 * ratios.Max():F2}% | {parallelMs:F0} | {100 * result.AnalyzerMs / parallelMs:F2}% "
                          + $"| {buildMs:F0} | {100 * result.AnalyzerMs / buildMs:F2}% | {result.GcPauseMs:F0} | {diagnosticCount:N0} |");
    }

    return result;
}

// What csc does for the same files on one thread, once: parse them, then bind, report and emit (IL and a portable
// PDB to memory). The tables divide by the binding and diagnostics alone, the part of a build the analyzers run
// beside; this column shows the ratio to the whole compile a build waits for.
static double BuildMs(List<string> files, bool withSurface)
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var watch = Stopwatch.StartNew();
    var compilation = Create(Trees(files, withSurface), concurrentBuild: false);
    using var peStream = new MemoryStream();
    using var pdbStream = new MemoryStream();
    var emitted = compilation.Emit(peStream, pdbStream, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb));
    var ms = watch.Elapsed.TotalMilliseconds;
    if (!emitted.Success)
    {
        Console.Error.WriteLine("  the generated code does not emit: " + emitted.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error));
    }

    return ms;
}

// The generated files and the stubs of the libraries they use (FluentFTP's and Polly's public surface).
static List<SyntaxTree> Trees(List<string> files, bool withSurface)
{
    var parse = new CSharpParseOptions(LanguageVersion.Latest);
    // With an encoding, as files read from disk have: emitting a PDB needs it.
    static SyntaxTree Parse(string text, CSharpParseOptions parse, string path) => CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(text, System.Text.Encoding.UTF8), parse, path);
    var trees = files.Select((f, i) => Parse(f, parse, $"File{i}.cs")).ToList();
    if (withSurface)
    {
        trees.Add(Parse(FluentFtpSurface.Source, parse, "FluentFtp.cs"));
        trees.Add(Parse(CodeGenerator.PollySurface, parse, "Polly.cs"));
    }

    return trees;
}

// One compilation timed on one thread, then the analyzers on it, timed by the driver's telemetry.
static (double CompileMs, Analysis Analysis) CompileAndAnalyze(List<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> analyzers, bool checkErrors)
{
    var compilation = Create(trees, concurrentBuild: false);
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var gcFreeCompile = Settings.GcFree && GC.TryStartNoGCRegion(Settings.NoGcBudget);
    var watch = Stopwatch.StartNew();
    var compilerDiagnostics = compilation.GetDiagnostics();
    var compileMs = watch.Elapsed.TotalMilliseconds;
    if (checkErrors && compilerDiagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
    {
        // The templates must compile: the analyzers would otherwise be measured on broken code.
        Console.Error.WriteLine($"  the generated code does not compile ({compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} errors): {error}");
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
    // What the JIT compiles during the analysis, on every thread (with --tiered: the methods compiled at tier 0 on
    // first call, and the hot ones recompiled at tier 1 in the background).
    var jitMsBefore = System.Runtime.JitInfo.GetCompilationTime(currentThread: false).TotalMilliseconds;
    var jitMethodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);
    var wall = Stopwatch.StartNew();
    var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
    var wallMs = wall.Elapsed.TotalMilliseconds;
    var jitMs = System.Runtime.JitInfo.GetCompilationTime(currentThread: false).TotalMilliseconds - jitMsBefore;
    var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false) - jitMethodsBefore;
    EndNoGcRegion(gcFreeAnalysis, "analysis");
    var pauseMs = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
    if (Settings.Detail)
    {
        Console.Error.WriteLine($"  analysis wall {wallMs:F0} ms, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:F0} MB (driver and analyzers), GC pauses {pauseMs:F0} ms");
    }

    var total = 0.0;
    var perAnalyzer = new List<(DiagnosticAnalyzer, double)>();
    foreach (var analyzer in analyzers)
    {
        var ms = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
        total += ms;
        perAnalyzer.Add((analyzer, ms));
        if (Settings.Detail && analyzers.Length < 20)
        {
            Console.Error.WriteLine($"  {analyzer.GetType().Name}: {ms:F1} ms");
        }
    }

    return (compileMs, new Analysis(total, pauseMs, diagnostics, perAnalyzer, jitMs, jitMethods));
}

static string ByRule(ImmutableArray<Diagnostic> diagnostics)
    => string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));

// --tiered: for each compilation, starts this runner again --processes times with the runtime's default tiered JIT
// (DOTNET_TieredCompilation=1 overrides the project's setting), one first run per process, and reports the median
// and the spread of those first runs.
static int TieredParent(string[] args, int lines, int processes)
{
    var only = ArgText(args, "--only");
    var workloads = only is null ? new[] { "clients", "replies", "plain" } : new[] { only };
    var cold = args.Contains("--cold");
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; tiered JIT, the first run in each of {processes} fresh processes, "
                      + (cold ? "everything cold" : "the compiler and the driver warmed by an untimed compilation and an operations-only analyzer, our analyzers' first run")
                      + $"; median and spread (fastest, slowest); load {Load.Text()}");
    Console.WriteLine();
    Console.WriteLine("| code | lines | compilation, one thread (ms) | FtpReplyAnalyzers, first run, median (ms) | fastest (ms) | slowest (ms) | ratio, median | ratio, lowest | ratio, highest | diagnostics |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    foreach (var name in workloads)
    {
        var compileTimes = new List<double>();
        var analyzerTimes = new List<double>();
        var ratios = new List<double>();
        var lineCount = 0;
        var diagnostics = 0;
        for (var i = 0; i < processes; i++)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            {
                start.ArgumentList.Add(typeof(Result).Assembly.Location);
            }

            foreach (var arg in new[] { "--tiered-child", name, "--lines", lines.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(arg);
            }

            if (ArgText(args, "--analyzers") is { } named)
            {
                start.ArgumentList.Add("--analyzers");
                start.ArgumentList.Add(named);
            }

            if (cold)
            {
                start.ArgumentList.Add("--cold");
            }

            start.Environment["DOTNET_TieredCompilation"] = "1";
            using var child = Process.Start(start)!;
            var output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
            if (child.ExitCode != 0 || line is null)
            {
                Console.Error.WriteLine($"  a measuring process failed (exit code {child.ExitCode}): {output}");
                return 1;
            }

            var fields = line.Split(' ');
            lineCount = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            var compileMs = double.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
            var analyzerMs = double.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture);
            diagnostics = int.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture);
            compileTimes.Add(compileMs);
            analyzerTimes.Add(analyzerMs);
            ratios.Add(analyzerMs / compileMs);
            if (Settings.Detail)
            {
                Console.Error.WriteLine($"  process {i + 1}: compilation {compileMs:F0} ms, analyzers {analyzerMs:F1} ms ({100 * analyzerMs / compileMs:F2}%), {fields[5]}; load {Load.Text()}");
            }
        }

        Console.WriteLine($"| {Label(ParseWorkload(name))} | {lineCount:N0} | {Median(compileTimes):F0} | {Median(analyzerTimes):F1} | {analyzerTimes.Min():F1} | {analyzerTimes.Max():F1} "
                          + $"| {100 * Median(ratios):F2}% | {100 * ratios.Min():F2}% | {100 * ratios.Max():F2}% | {diagnostics:N0} |");
    }

    Console.WriteLine($"load {Load.Text()}");
    return 0;
}

// One process's first run: the warm-up (unless --cold) compiles the code and runs an analyzer that only asks for the
// operations, so that the compiler and the analyzer driver are JIT-compiled (the SDK's compiler is ReadyToRun) while
// our analyzers have never run; then one timed compilation and our analyzers' first run. Prints one RESULT line.
static int TieredChild(Workload workload, int lines, ImmutableArray<DiagnosticAnalyzer> analyzers, bool cold)
{
    var files = CodeGenerator.Generate(workload, lines);
    var trees = Trees(files, withSurface: workload != Workload.Plain);
    if (!cold)
    {
        CompileAndAnalyze(trees, ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer()), checkErrors: true);
    }

    var (compileMs, analysis) = CompileAndAnalyze(trees, analyzers, checkErrors: cold);
    if (Settings.Detail)
    {
        Console.Error.WriteLine("  diagnostics: " + ByRule(analysis.Diagnostics));
    }

    // Whether this process really runs tiered: the environment variable overrides the project's runtimeconfig setting,
    // and with tiering the JIT compiles about four times as many methods as without (tier 0, then tier 1 for the hot ones).
    var configured = AppContext.TryGetSwitch("System.Runtime.TieredCompilation", out var enabled) ? enabled.ToString() : "default";
    var environment = Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? "unset";
    Console.WriteLine(FormattableString.Invariant($"RESULT {files.Sum(CodeGenerator.CountLines)} {compileMs:F1} {analysis.TotalMs:F2} {analysis.Diagnostics.Length} runtimeconfig={configured},DOTNET_TieredCompilation={environment},methods-jitted={System.Runtime.JitInfo.GetCompiledMethodCount()},jit-during-analysis={analysis.JitMethods}-methods-{analysis.JitMs:F0}-ms-all-threads"));
    return 0;
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
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string? MeziantouPath()
{
    var package = typeof(Result).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => string.Equals(a.Key, "MeziantouAnalyzerPackage", StringComparison.Ordinal))?.Value;
    var path = package is null ? null : Path.Combine(package, "analyzers", "dotnet", "roslyn5.0", "cs", "Meziantou.Analyzer.dll");
    return path is not null && File.Exists(path) ? path : null;
}

static ImmutableArray<DiagnosticAnalyzer> LoadMeziantou()
{
    if (MeziantouPath() is not { } path)
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
    internal static class Settings
    {
        /// <summary>FTPR_BENCH_DETAIL=1: each analyzer's time, the diagnostics by rule, allocations.</summary>
        public static readonly bool Detail = string.Equals(Environment.GetEnvironmentVariable("FTPR_BENCH_DETAIL"), "1", StringComparison.Ordinal);

        /// <summary>Run the compilation and the analysis in no-GC regions (--gc-free).</summary>
        public static bool GcFree;

        /// <summary>More than the compilation or the analysis of the largest code allocates.</summary>
        public const long NoGcBudget = 4L << 30;
    }

    /// <summary>Medians over the runs, and the analyzers' fastest and slowest run.</summary>
    internal sealed record Result(int Lines, double CompilationMs, double AnalyzerMs, double BestAnalyzerMs, double WorstAnalyzerMs, double GcPauseMs)
    {
        public const string Header = "| code | lines | compilation, one thread (ms) | FtpReplyAnalyzers, median (ms) | fastest (ms) | slowest (ms) | ratio, median | ratio, lowest | ratio, highest | compilation on all cores (ms) | median's ratio to it | parse, compile and emit, one thread (ms) | median's ratio to it | GC pauses in the analysis (ms) | diagnostics |";

        public const string Rule = "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    /// <summary>One analysis: the analyzers' total time, its GC pauses, what it reported, and each analyzer's time.</summary>
    internal sealed record Analysis(double TotalMs, double GcPauseMs, ImmutableArray<Diagnostic> Diagnostics, List<(DiagnosticAnalyzer Analyzer, double Ms)> PerAnalyzer, double JitMs, long JitMethods);

    /// <summary>The machine's load average (1, 5 and 15 minutes), printed with each table: the machine is shared.</summary>
    internal static class Load
    {
        public static string Text()
        {
            try
            {
                var parts = File.ReadAllText("/proc/loadavg").Split(' ');
                return $"{parts[0]} {parts[1]} {parts[2]}";
            }
            catch (IOException)
            {
                return "unknown";
            }
            catch (UnauthorizedAccessException)
            {
                return "unknown";
            }
        }
    }

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
