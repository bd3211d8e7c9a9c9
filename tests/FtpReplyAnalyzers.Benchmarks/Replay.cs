using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers.Benchmarks;

/// <summary>
/// --replay: our analyzer's block actions alone, called on one thread on the operation blocks the driver handed an
/// analyzer once (gathered first, with the compilation bound): nothing else runs in the process, so its CPU time is
/// the analyzer's own work and the collections its allocations cause, without the compiler's binding, the driver, the
/// GCs the compiler's allocations set off in the middle of a callback, or other processes taking the core. For
/// comparing two versions of the analyzer on a loaded machine; the tables above stay the cost a build sees.
/// </summary>
internal static class Replay
{
    /// <summary>
    /// Replays each analyzer in turn, run after run (this build, then a baseline, then this build again...): on a
    /// loaded machine the load drifts over seconds, and runs taken side by side see the same load. Then each one's
    /// median, and the median of this build's time over the baseline's, run by run.
    /// </summary>
    public static void Run(Compilation compilation, IReadOnlyList<(string Label, DiagnosticAnalyzer Analyzer)> analyzers, int runs)
    {
        // The driver's compilation (a copy of the one given, with its event queue): the operations' symbols are its own.
        var (blocks, analyzed) = Gather(compilation);
        compilation = analyzed;
        using var allocations = Settings.Detail ? new AllocationListener() : null;
        var cpu = analyzers.Select(_ => new List<double>()).ToList();
        var wall = analyzers.Select(_ => new List<double>()).ToList();
        var allocated = analyzers.Select(_ => new List<double>()).ToList();
        for (var run = -1; run < runs; run++)
        {
            for (var i = 0; i < analyzers.Count; i++)
            {
                var (label, analyzer) = analyzers[i];
                if (RunOnce(compilation, blocks, analyzer, run, analyzers.Count > 1 ? label + ": " : string.Empty) is not { } measured)
                {
                    return;
                }

                if (run >= 0)
                {
                    cpu[i].Add(measured.CpuMs);
                    wall[i].Add(measured.WallMs);
                    allocated[i].Add(measured.AllocatedMb);
                }
            }
        }

        if (allocations is not null)
        {
            Console.WriteLine("  allocated (sampled every 100 KB, all runs), by type: " + string.Join(", ", allocations.ByType.OrderByDescending(t => t.Value).Take(25).Select(t => $"{t.Key} {t.Value / 1048576.0:F1} MB")));
        }

        for (var i = 0; i < analyzers.Count; i++)
        {
            var prefix = analyzers.Count > 1 ? analyzers[i].Label + ": " : string.Empty;
            Console.WriteLine($"replay: {prefix}CPU median {Median(cpu[i]):F0} ms (fastest {cpu[i].Min():F0}, slowest {cpu[i].Max():F0}), wall median {Median(wall[i]):F0} ms (fastest {wall[i].Min():F0}), allocated {Median(allocated[i]):F1} MB per run");
        }

        for (var i = 1; i < analyzers.Count; i++)
        {
            var ratios = cpu[0].Zip(cpu[i], (ours, theirs) => ours / theirs).ToList();
            Console.WriteLine($"replay: {analyzers[0].Label} against {analyzers[i].Label}, CPU run by run: median {Median(ratios) * 100:F0}% (lowest {ratios.Min() * 100:F0}%, highest {ratios.Max() * 100:F0}%)");
        }
    }

    private static (double CpuMs, double WallMs, double AllocatedMb)? RunOnce(Compilation compilation, List<(ImmutableArray<IOperation>, ISymbol)> blocks, DiagnosticAnalyzer analyzer, int run, string prefix)
    {
        // A compilation start each run: what the analyzer keeps for a compilation starts empty, as in a build.
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var startWatch = Stopwatch.StartNew();
        var start = new StartContext(compilation);
        var init = new InitContext(start);
        analyzer.Initialize(init);
        init.CompilationStart?.Invoke(start);
        var startMs = startWatch.Elapsed.TotalMilliseconds;
        if (start.BlockAction is not { } action)
        {
            Console.WriteLine($"replay: {prefix}{blocks.Count:N0} operation blocks, no block action registered");
            return null;
        }

        var reported = new SortedDictionary<string, int>(StringComparer.Ordinal);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        foreach (var (operations, owner) in blocks)
        {
            // The context made here rather than by a driver: calling the action alone is what the replay measures.
#pragma warning disable CS0618
            action(new OperationBlockAnalysisContext(operations, owner, compilation, options, d => reported[d.Id] = reported.GetValueOrDefault(d.Id) + 1, _ => true, CancellationToken.None));
#pragma warning restore CS0618
        }

        var wallMs = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0;
        if (Settings.Detail)
        {
            Console.WriteLine($"  {prefix}run {run}: compilation start {startMs:F1} ms; blocks: CPU {cpuMs:F0} ms, wall {wallMs:F0} ms, {GC.CollectionCount(0) - gen0} GCs ({GC.CollectionCount(2) - gen2} gen2), GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms");
        }

        if (run < 0)
        {
            Console.WriteLine($"replay: {prefix}{blocks.Count:N0} operation blocks, {reported.Values.Sum():N0} diagnostics: {string.Join(", ", reported.Select(r => $"{r.Key} {r.Value}"))}");
        }

        return (cpuMs, wallMs, allocatedMb);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The operation blocks and their owners, as the driver hands them to an operation block action.</summary>
    private static (List<(ImmutableArray<IOperation>, ISymbol)> Blocks, Compilation Compilation) Gather(Compilation compilation)
    {
        var gatherer = new Gatherer();
        compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(gatherer))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return (gatherer.Blocks.ToList(), gatherer.Compilation!);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class Gatherer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("GATHER01", "gather", "gather", "gather", DiagnosticSeverity.Hidden, true);

        public System.Collections.Concurrent.ConcurrentQueue<(ImmutableArray<IOperation>, ISymbol)> Blocks { get; } = new();

        public Compilation? Compilation { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        // The blocks are gathered in the driver's order, one at a time, and replayed in that order.
#pragma warning disable RS1026
        public override void Initialize(AnalysisContext context)
#pragma warning restore RS1026
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterOperationBlockAction(block =>
            {
                Compilation = block.Compilation;
                Blocks.Enqueue((block.OperationBlocks, block.OwningSymbol));
            });
        }
    }

    private sealed class InitContext : AnalysisContext
    {
        private readonly StartContext _start;

        public InitContext(StartContext start) => _start = start;

        public Action<CompilationStartAnalysisContext>? CompilationStart { get; private set; }

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStart = action;

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _start.Register(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();
    }

    private sealed class StartContext : CompilationStartAnalysisContext
    {
        public StartContext(Compilation compilation)
            : base(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)
        {
        }

        public Action<OperationBlockAnalysisContext>? BlockAction { get; private set; }

        public void Register(Action<OperationBlockAnalysisContext> action) => BlockAction = action;

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Register(action);

        // The option check (FTPR0009) runs once per compilation on the options, not on the blocks: not replayed.
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();
    }

    /// <summary>
    /// The analyzers of another build of the analyzer assembly (--against path/to/FtpReplyAnalyzers.dll), loaded beside
    /// this build's: the assembly alone in its own load context, Roslyn and the rest shared.
    /// </summary>
    public static IEnumerable<DiagnosticAnalyzer> LoadBuild(string path)
    {
        var assembly = new System.Runtime.Loader.AssemblyLoadContext("baseline " + path).LoadFromAssemblyPath(System.IO.Path.GetFullPath(path));
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);
    }

    /// <summary>The runtime's allocation samples (one event per 100 KB allocated), added up by type.</summary>
    private sealed class AllocationListener : System.Diagnostics.Tracing.EventListener
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, long> ByType { get; } = new(StringComparer.Ordinal);

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs data)
        {
            if (data.EventName is { } name && name.StartsWith("GCAllocationTick", StringComparison.Ordinal) && data.Payload is { } payload && data.PayloadNames is { } names)
            {
                var type = payload[names.IndexOf("TypeName")] as string ?? "?";
                var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
                ByType.AddOrUpdate(type, amount, (_, total) => total + amount);
            }
        }
    }
}
