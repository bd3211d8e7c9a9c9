using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers.Tests.Meta;

/// <summary>
/// Every analyzer skips generated code and runs concurrently: on the sample client (plus one file for FTPR0008) the
/// hand-written code gets exactly the expected diagnostics, from each analyzer alone and from all together, while
/// the same code marked as generated (an auto-generated header, a .g.cs name, [GeneratedCode] on its types or on its
/// members) gets none; the analyzers declare concurrent execution, and concurrent runs report exactly the same.
/// </summary>
public class GeneratedCodeAndConcurrencyTests
{
    private static readonly string[] Expected =
    {
        "FtpControlConnection.cs:26:FTPR0002",
        "FtpControlConnection.cs:26:FTPR0005",
        "FtpControlConnection.cs:43:FTPR0002",
        "FtpControlConnection.cs:55:FTPR0001",
        "MirrorJob.cs:25:FTPR0003",
        "MirrorJob.cs:37:FTPR0006",
        "ReportDownloader.cs:30:FTPR0001",
        "ReportDownloader.cs:57:FTPR0002",
        "ReportDownloader.cs:76:FTPR0001",
        "StatusNumbers.cs:7:FTPR0008",
        "TransferMonitor.cs:11:FTPR0004",
        "TransferMonitor.cs:20:FTPR0007",
    };

    private const string StatusNumbers = """
using System.Net;

namespace FtpClientSample;

public static class StatusNumbers
{
    public static bool Closed(FtpWebResponse response) => (int)response.StatusCode == 226;
}
""";

    public static IEnumerable<object[]> Marks => new[] { "auto-generated header", "file name .g.cs", "GeneratedCode on the types", "GeneratedCode on the members" }.Select(m => new object[] { m });

    [Fact]
    public async Task The_hand_written_code_gets_the_expected_diagnostics_from_each_analyzer()
    {
        var compilation = Compile(HandWritten());
        Assert.Equal(Expected, Describe(await AnalyzerRunner.RunAsync(compilation)));

        // Each analyzer alone reports its own share of them, and every analyzer has a share: the generated-code test
        // below proves something for each of them.
        foreach (var analyzer in AnalyzerRunner.AllAnalyzers)
        {
            var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).ToHashSet();
            var share = Expected.Where(e => ids.Contains(e.Substring(e.LastIndexOf(':') + 1))).ToArray();
            Assert.True(share.Length > 0, $"{analyzer.GetType().Name} reports nothing here: add code it reports to {nameof(GeneratedCodeAndConcurrencyTests)}");
            Assert.Equal(share, Describe(await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create(analyzer))));
        }
    }

    [Theory]
    [MemberData(nameof(Marks))]
    public async Task Every_analyzer_skips_generated_code(string mark)
    {
        var generated = Generated(HandWritten(), mark);
        var compilation = Compile(generated);
        // Every file with an expected diagnostic is marked (Program.cs, top-level statements only, has no type or member).
        var reported = generated.Zip(HandWritten()).Where(pair => Expected.Any(e => e.StartsWith(pair.Second.Path + ":", StringComparison.Ordinal))).ToList();
        Assert.Equal(5, reported.Count);
        Assert.All(reported, pair => Assert.NotEqual(pair.Second, pair.First));

        Assert.Empty(Describe(await AnalyzerRunner.RunAsync(compilation)));
        Assert.Empty(Describe(await AnalyzerRunner.RunAsync(compilation, AnalyzerRunner.AllAnalyzers, concurrent: true)));
        foreach (var analyzer in AnalyzerRunner.AllAnalyzers)
        {
            var diagnostics = Describe(await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create(analyzer)));
            Assert.True(diagnostics.Length == 0, $"{analyzer.GetType().Name} reports generated code ({mark}): {string.Join(", ", diagnostics)}");
        }
    }

    [Fact]
    public async Task Every_analyzer_runs_concurrently_and_reports_the_same()
    {
        var compilation = Compile(HandWritten());
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, diagnostic) => throw new InvalidOperationException($"{analyzer.GetType().Name} threw", exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(AnalyzerRunner.AllAnalyzers, options);
        Assert.Equal(Expected, Describe(await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None)));
        foreach (var analyzer in AnalyzerRunner.AllAnalyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            Assert.True(telemetry.Concurrent, $"{analyzer.GetType().Name} does not enable concurrent execution");
        }

        for (var run = 0; run < 5; run++)
        {
            Assert.Equal(Expected, Describe(await AnalyzerRunner.RunAsync(Compile(HandWritten()), AnalyzerRunner.AllAnalyzers, concurrent: true)));
        }
    }

    private static List<(string Path, string Text)> HandWritten()
        => AnalyzerRunner.SourcesOf(RepositoryPaths.Combine("samples", "FtpClientSample"))
            .Select(s => (System.IO.Path.GetFileName(s.Path), s.Text))
            .Append(("StatusNumbers.cs", StatusNumbers))
            .ToList();

    private static List<(string Path, string Text)> Generated(List<(string Path, string Text)> sources, string mark) => sources
        .Select(s => mark switch
        {
            "auto-generated header" => (s.Path, "// <auto-generated/>\n" + s.Text),
            "file name .g.cs" => (s.Path.Replace(".cs", ".g.cs"), s.Text),
            "GeneratedCode on the types" => (s.Path, MarkGenerated(s.Text, members: false)),
            "GeneratedCode on the members" => (s.Path, MarkGenerated(s.Text, members: true)),
            _ => throw new ArgumentException(mark),
        })
        .ToList();

    /// <summary>Puts [GeneratedCode] on every type (or every method, constructor and property), on the declaration's own line.</summary>
    private static string MarkGenerated(string text, bool members)
    {
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        var attribute = SyntaxFactory.ParseCompilationUnit("[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")] class C { }")
            .DescendantNodes().OfType<AttributeListSyntax>().Single();
        var targets = root.DescendantNodes().Where(n => members
            ? n is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax
            : n is BaseTypeDeclarationSyntax);
        return root.ReplaceNodes(targets, (original, node) =>
        {
            var list = attribute.WithLeadingTrivia(original.GetLeadingTrivia()).WithTrailingTrivia(SyntaxFactory.Space);
            return node switch
            {
                MemberDeclarationSyntax member => member.WithoutLeadingTrivia().WithAttributeLists(member.AttributeLists.Insert(0, list)),
                _ => node,
            };
        }).ToFullString();
    }

    private static CSharpCompilation Compile(List<(string Path, string Text)> sources)
    {
        var compilation = AnalyzerRunner.Compile(sources, OutputKind.ConsoleApplication);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .Select(d => $"{System.IO.Path.GetFileName(d.Location.SourceTree?.FilePath)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}:{d.Id}")
        .OrderBy(s => s, StringComparer.Ordinal)
        .ToArray();
}
