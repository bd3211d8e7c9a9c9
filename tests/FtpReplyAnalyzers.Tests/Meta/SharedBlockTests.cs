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
/// The rules share each code block's facts: the first rule to see a block collects them, the others read them, and a
/// rule that finds them being collected at the same time walks the block itself. Whichever way, a rule reports the same.
/// </summary>
public class SharedBlockTests
{
    [Fact]
    public async Task Every_rule_reports_the_same_alone_together_and_concurrently()
    {
        var sources = FixSweepTests.Sources().ToList();
        var compilation = AnalyzerRunner.Compile(sources.Select(s => (s.Name + ".cs", s.Text)).Append(("FluentFtp.cs", FluentFtpSurface.Source)));

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

    private static List<string> Describe(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath} {d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(d => d, System.StringComparer.Ordinal)
            .ToList();
}
