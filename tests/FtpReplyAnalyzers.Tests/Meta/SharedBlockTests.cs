using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FtpReplyAnalyzers.Tests.Meta;

/// <summary>
/// The rules share each code block's facts: one rule collects them from the operations the driver hands it, the rules
/// read them at the block's end on the same thread, and a rule that finds them not collected there walks the block
/// itself. Whichever way, a rule reports the same.
/// </summary>
public class SharedBlockTests
{
    [Fact]
    public async Task Every_rule_reports_the_same_alone_together_and_concurrently()
    {
        var compilation = CompileSources();

        var alone = new List<string>();
        foreach (var analyzer in AnalyzerRunner.AllAnalyzers)
        {
            alone.AddRange(Describe(await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create(analyzer))));
        }

        alone.Sort(System.StringComparer.Ordinal);
        Assert.True(alone.Count > 100, $"only {alone.Count} diagnostics: the comparison would prove little");
        Assert.DoesNotContain(alone, d => d.StartsWith("AD0001", System.StringComparison.Ordinal));

        Assert.Equal(alone, Describe(await AnalyzerRunner.RunAsync(compilation, AnalyzerRunner.AllAnalyzers)));
        for (var run = 0; run < 5; run++)
        {
            Assert.Equal(alone, Describe(await AnalyzerRunner.RunAsync(compilation, AnalyzerRunner.AllAnalyzers, concurrent: true)));
        }
    }

    /// <summary>
    /// A rule that reads a block nobody collected (the collecting rule is not run, or runs on another thread) walks
    /// the block itself: the facts it finds are the ones the collector gets from the driver's operations.
    /// </summary>
    [Fact]
    public async Task A_block_walked_has_the_facts_collected_from_the_driver()
    {
        var compilation = CompileSources();
        var probe = new FactsProbe();
        var diagnostics = await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(probe));

        Assert.Empty(diagnostics);
        Assert.True(probe.Blocks > 100, $"only {probe.Blocks} blocks compared");
        Assert.True(probe.Sites > 100, $"only {probe.Sites} reply sites compared: the comparison would prove little");
        Assert.Empty(probe.Differences);
    }

    /// <summary>Collects each block's facts as the collecting rule does, walks the block as a rule that finds none does, and compares.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class FactsProbe : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("PROBE01", "probe", "probe", "probe", DiagnosticSeverity.Hidden, true);

        public int Blocks;
        public int Sites;
        public readonly System.Collections.Concurrent.ConcurrentBag<string> Differences = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // As the rules do: the operations collected from the driver, then taken over at the block's end.
                var ftp = FtpReplyAnalyzers.Rules.FtpAnalysisContext.TryCreate(start.Compilation, start.Options)!;
                start.RegisterOperationAction(ftp.Collect, FtpReplyAnalyzers.Flow.ReplyBlock.Kinds);
                start.RegisterOperationBlockAction(end =>
                {
                    // The rules read only the blocks of files that may hold FTP code.
                    if (!ftp.Covers(end.OperationBlocks, end.OwningSymbol))
                    {
                        return;
                    }

                    var walked = ftp.Compute(end.OperationBlocks, end.OwningSymbol);
                    var walkedSites = Describe(walked.Sites).ToList();
                    if (ftp.SharedFor(end.OperationBlocks, end.OwningSymbol).Collected is not { } builder)
                    {
                        if (!walked.Sites.IsEmpty || !walked.RetryPoints.IsEmpty || !walked.CodeTests.IsEmpty)
                        {
                            Differences.Add($"{end.OwningSymbol}: not collected");
                        }

                        return;
                    }

                    // Each described (its commands found) before the other is built: each reads its own listing.
                    var collected = builder.Build(end.OperationBlocks);
                    var collectedSites = Describe(collected.Sites).ToList();
                    System.Threading.Interlocked.Increment(ref Blocks);
                    System.Threading.Interlocked.Add(ref Sites, collected.Sites.Length);
                    Compare(end.OwningSymbol, "sites", collectedSites, walkedSites);
                    Compare(end.OwningSymbol, "retry points", collected.RetryPoints.Select(o => o.Syntax.Span.ToString()), walked.RetryPoints.Select(o => o.Syntax.Span.ToString()));
                    Compare(end.OwningSymbol, "code tests", collected.CodeTests.Select(o => o.Syntax.Span.ToString()), walked.CodeTests.Select(o => o.Syntax.Span.ToString()));
                });
            });
        }

        private static IEnumerable<string> Describe(ImmutableArray<FtpReplyAnalyzers.Flow.ReplySite> sites)
            => sites.Select(s => $"{s.Operation.Syntax.Span} {s.Kind} {s.Path.Selection.Must} / {s.Path.Selection.May} {s.Path.Selection.Anchor?.Span} {s.Command}");

        private void Compare(ISymbol owner, string what, IEnumerable<string> collected, IEnumerable<string> walked)
        {
            var a = collected.OrderBy(x => x, System.StringComparer.Ordinal).ToList();
            var b = walked.OrderBy(x => x, System.StringComparer.Ordinal).ToList();
            if (!a.SequenceEqual(b))
            {
                Differences.Add($"{owner}: {what}: collected [{string.Join("; ", a)}] walked [{string.Join("; ", b)}]");
            }
        }
    }

    /// <summary>The samples and every rule test's snippet, with FluentFTP's surface.</summary>
    private static Compilation CompileSources()
        => AnalyzerRunner.Compile(FixSweepTests.Sources().Select(s => (s.Name + ".cs", s.Text)).Append(("FluentFtp.cs", FluentFtpSurface.Source)));

    private static List<string> Describe(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath} {d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(d => d, System.StringComparer.Ordinal)
            .ToList();
}
