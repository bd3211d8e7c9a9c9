using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.Tests.Meta;

/// <summary>
/// The analyzers never throw: not on the samples and test sources, not on code typed half-way in an editor,
/// not on hundreds of mutated copies (truncated, lines and tokens deleted; fixed seed, so a failure reproduces).
/// </summary>
public class RobustnessTests
{
    private const int Seed = 20261125;
    private const int Mutations = 500;

    private static readonly string[] IncompleteShapes =
    {
        "using System.Net; class C { void M(FtpWebResponse r) { switch (r.StatusCode) { } } }",
        "using System.Net; class C { void M(FtpWebResponse r) { try { r.GetResponseStream(); } catch (System.Net.WebException) } }",
        "using FluentFTP; class C { void M(FtpReply reply) { if (reply.Code == ) throw new System.Exception(); } }",
        "using FluentFTP; class C { bool M(FtpReply reply) }",
        "using FluentFTP; class C { bool M(FtpReply reply) => reply.Code switch { }; }",
        "using FluentFTP; class C { void M(FtpReply reply) { if (reply.Code is ) return; } }",
        "using System.Net; class C { void M(FtpWebResponse r) { if ((int)r.StatusCode / 100 == ) throw null; } }",
        "using System.Net; class C { void M(FtpWebResponse r) { if (r.StatusCode == FtpStatusCode.) throw new System.Exception(); } }",
        "using FluentFTP; class C { void M(FtpClient c) { for (;;) { var reply = c.Execute(\"RETR\"); if (reply.Code == \"426\") break } } }",
        "using FluentFTP; class C { void M(FtpClient c) { var reply = c.Execute(; if (!reply.Success) throw new System.Exception(); } }",
        "using FluentFTP.Exceptions; class C { void M() { try { } catch (FtpCommandException e) when (e.CompletionCode.StartsWith()) { return; } } }",
        "class FtpX { int Code; void M() { if (Code == 426) throw new System.Exception(\"x\"); if (Code = 212) return; } }",
        "class FtpX { void M(string line) { if (line.Substring(0, 3) == \"426\") throw new System.Exception(); if (line[..3] == \"212\") throw new System.Exception(); } }",
        "using FluentFTP; class C { async void M(AsyncFtpClient c) { var r = await c.Execute(\"STAT /\"); switch (r.Code) { case \"212\": case : return; default: } } }",
    };

    [Fact]
    public async Task The_harness_sees_an_analyzer_exception()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            AnalyzerRunner.Compile(new[] { ("A.cs", "class A { void M() { throw null; } }") }),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new ThrowingAnalyzer()));
        Assert.Contains(diagnostics, d => d.Id == "AD0001");
    }

    [Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST0001", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => System.Collections.Immutable.ImmutableArray.Create(Rule);

        public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(_ => throw new InvalidOperationException("boom"), OperationKind.Throw);
        }
    }

    [Fact]
    public async Task Incomplete_code_does_not_crash_the_analyzers()
    {
        foreach (var shape in IncompleteShapes)
        {
            var diagnostics = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { ("Shape.cs", shape), ("FluentFtp.cs", FluentFtpSurface.Source) }));
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }
    }

    [Fact]
    public async Task Mutated_sources_do_not_crash_the_analyzers()
    {
        var corpus = Corpus();
        Assert.True(corpus.Count >= 40, "corpus too small: " + corpus.Count);
        var random = new Random(Seed);
        var batch = new List<(string, string)>();
        var analyzed = 0;
        var reported = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var source = corpus[random.Next(corpus.Count)];
            batch.Add(($"Mutant{i}.cs", Mutate(source, random)));
            if (batch.Count == 25 || i == Mutations - 1)
            {
                batch.Add(("FluentFtp.cs", FluentFtpSurface.Source));
                var diagnostics = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(batch));
                var crash = diagnostics.FirstOrDefault(d => d.Id == "AD0001");
                Assert.True(crash is null, $"analyzer exception near mutant {i} (seed {Seed}): {crash?.GetMessage()}");
                analyzed += batch.Count - 1;
                reported += diagnostics.Count(d => d.Id.StartsWith("FTPR", StringComparison.Ordinal));
                batch.Clear();
            }
        }

        Assert.Equal(Mutations, analyzed);

        // The mutants still hold FTP code the analyzers recognise: the sweep exercised them.
        Assert.True(reported > 50, "only " + reported + " diagnostics on the mutants");
    }

    /// <summary>The samples, and every C# snippet of the rule tests (their raw string literals).</summary>
    internal static List<string> Corpus()
    {
        var corpus = AnalyzerRunner.SourcesOf(RepositoryPaths.Combine("samples")).Select(s => s.Text).ToList();
        var snippet = new Regex("\"\"\"\\r?\\n(.*?)\\r?\\n\"\"\"", RegexOptions.Singleline);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Combine("tests", "FtpReplyAnalyzers.Tests", "Rules"), "*.cs"))
        {
            foreach (Match match in snippet.Matches(File.ReadAllText(file)))
            {
                var text = match.Groups[1].Value;
                if (text.Contains("class ", StringComparison.Ordinal))
                {
                    corpus.Add(Regex.Replace(text, @"\{\|(#\d+|FTPR\d+):|\|\}", string.Empty));
                }
            }
        }

        return corpus;
    }

    internal static string Mutate(string source, Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                // Truncated at a random point, as while typing.
                return source.Substring(0, random.Next(source.Length));
            case 1:
                {
                    // Lines deleted.
                    var lines = source.Split('\n').ToList();
                    for (var n = random.Next(1, 4); n > 0 && lines.Count > 1; n--)
                    {
                        lines.RemoveAt(random.Next(lines.Count));
                    }

                    return string.Join("\n", lines);
                }

            case 2:
                {
                    // Tokens deleted.
                    var tokens = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseCompilationUnit(source).DescendantTokens().ToList();
                    var drop = new HashSet<int>();
                    for (var n = random.Next(1, 6); n > 0; n--)
                    {
                        drop.Add(random.Next(tokens.Count));
                    }

                    var text = new StringBuilder();
                    for (var t = 0; t < tokens.Count; t++)
                    {
                        if (!drop.Contains(t))
                        {
                            text.Append(tokens[t].ToFullString());
                        }
                    }

                    return text.ToString();
                }

            default:
                {
                    // A span cut out of the middle.
                    var start = random.Next(source.Length);
                    var length = random.Next(Math.Min(80, source.Length - start) + 1);
                    return source.Remove(start, length);
                }
        }
    }
}
