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
/// The analyzer finds each code block's facts once and hands them to every rule that is on: a rule reports the same
/// whether it is on alone (the others turned off, as .editorconfig or /nowarn do) or with all the others, and the
/// same again when the driver runs concurrently.
/// </summary>
public class RuleIndependenceTests
{
    [Fact]
    public async Task Every_rule_reports_the_same_alone_together_and_concurrently()
    {
        var compilation = CompileSources();
        // The rules on code; FTPR0009 judges options, and this compilation has none.
        var all = new FtpReplyAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToList();
        var ids = FtpReplyAnalyzer.Rules.Select(r => r.Descriptor.Id).ToList();

        var alone = new List<string>();
        foreach (var id in ids)
        {
            var others = all.Where(other => other != id).Select(other => KeyValuePair.Create(other, ReportDiagnostic.Suppress));
            var onlyThis = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(others));
            var reported = Describe(await AnalyzerRunner.RunAsync(onlyThis));
            Assert.All(reported, d => Assert.StartsWith(id, d, System.StringComparison.Ordinal));
            alone.AddRange(reported);
        }

        alone.Sort(System.StringComparer.Ordinal);
        Assert.True(alone.Count > 100, $"only {alone.Count} diagnostics: the comparison would prove little");
        foreach (var id in ids)
        {
            Assert.Contains(alone, d => d.StartsWith(id, System.StringComparison.Ordinal));
        }

        Assert.Equal(alone, Describe(await AnalyzerRunner.RunAsync(compilation)));
        for (var run = 0; run < 5; run++)
        {
            Assert.Equal(alone, Describe(await AnalyzerRunner.RunAsync(compilation, AnalyzerRunner.AllAnalyzers, concurrent: true)));
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
