using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using FtpReplyAnalyzers.CodeFixes.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace FtpReplyAnalyzers.Tests.Meta;

/// <summary>
/// Every code fix, each variant, applied to every diagnostic the analyzers report over the samples and the
/// tests' snippets: the fixed code has no new compiler error, the diagnostic is gone and not asked for
/// again, and no comment is lost.
/// </summary>
public class FixSweepTests
{
    /// <summary>Every fix provider of the package, in name order.</summary>
    internal static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(TransientReplyGivenUpCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private readonly ITestOutputHelper _output;

    public FixSweepTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Every_fix_compiles_removes_its_diagnostic_and_keeps_comments()
    {
        var documents = 0;
        var applied = 0;
        var failures = new List<string>();
        foreach (var (name, text) in Sources())
        {
            var document = CreateDocument(text);
            var before = await AnalyzeAsync(document);
            if (before.Diagnostics.IsEmpty)
            {
                continue;
            }

            documents++;
            foreach (var diagnostic in before.Diagnostics)
            {
                foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                    try
                    {
                        await fixer.RegisterCodeFixesAsync(context);
                    }
                    catch (Exception e)
                    {
                        failures.Add($"{name}: {fixer.GetType().Name} threw on {diagnostic}: {e.Message}");
                        continue;
                    }

                    foreach (var action in actions)
                    {
                        applied++;
                        var problem = await CheckAsync(document, before, diagnostic, action);
                        if (problem is not null)
                        {
                            failures.Add($"{name}: {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition} '{action.Title}': {problem}");
                        }
                    }
                }
            }
        }

        _output.WriteLine($"{documents} documents with diagnostics, {applied} fixes applied");
        Assert.True(applied >= 60, "too few fixes applied: " + applied);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Fixes_do_not_throw_on_mutated_code()
    {
        var corpus = RobustnessTests.Corpus();
        var random = new Random(20261125);
        var offered = 0;
        var failures = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var text = RobustnessTests.Mutate(corpus[random.Next(corpus.Count)], random);
            var document = CreateDocument(text);
            var analysis = await AnalyzeAsync(document);
            foreach (var diagnostic in analysis.Diagnostics)
            {
                foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    try
                    {
                        var actions = new List<CodeAction>();
                        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                        foreach (var action in actions)
                        {
                            offered++;
                            await action.GetOperationsAsync(CancellationToken.None);
                        }
                    }
                    catch (Exception e)
                    {
                        failures.Add($"mutant {i}: {fixer.GetType().Name} on {diagnostic.Id}: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        }

        _output.WriteLine($"{offered} fixes computed on mutants");
        Assert.True(offered >= 25, "too few fixes on the mutants: " + offered);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task<string?> CheckAsync(Document document, Analysis before, Diagnostic diagnostic, CodeAction action)
    {
        Solution changed;
        try
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault();
            if (apply is null)
            {
                return "no change";
            }

            changed = apply.ChangedSolution;
        }
        catch (Exception e)
        {
            return "threw " + e.GetType().Name + ": " + e.Message;
        }

        var fixedDocument = changed.GetDocument(document.Id)!;
        var after = await AnalyzeAsync(fixedDocument);
        var newErrors = after.Errors.Except(before.Errors).ToList();
        if (newErrors.Count > 0)
        {
            return "new compiler errors: " + string.Join("; ", newErrors) + Environment.NewLine + (await fixedDocument.GetTextAsync());
        }

        var countBefore = before.Diagnostics.Count(d => d.Id == diagnostic.Id);
        var countAfter = after.Diagnostics.Count(d => d.Id == diagnostic.Id);
        if (countAfter >= countBefore)
        {
            return $"{diagnostic.Id} still reported ({countBefore} before, {countAfter} after)" + Environment.NewLine + (await fixedDocument.GetTextAsync());
        }

        var lost = Comments(await document.GetSyntaxRootAsync()).Except(Comments(await fixedDocument.GetSyntaxRootAsync())).ToList();
        if (lost.Count > 0)
        {
            return "comments lost: " + string.Join(" | ", lost);
        }

        return null;
    }

    private sealed class Analysis
    {
        public Analysis(ImmutableArray<Diagnostic> diagnostics, ImmutableHashSet<string> errors)
        {
            Diagnostics = diagnostics;
            Errors = errors;
        }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        public ImmutableHashSet<string> Errors { get; }
    }

    private static async Task<Analysis> AnalyzeAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + ": " + d.GetMessage()).ToImmutableHashSet();
        var tree = (await document.GetSyntaxTreeAsync())!;
        var diagnostics = (await AnalyzerRunner.RunAsync(compilation)).Where(d => d.Location.SourceTree == tree && d.Id.StartsWith("FTPR", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        return new Analysis(diagnostics, errors);
    }

    private static Document CreateDocument(string text)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Sweep", "Sweep", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: Basic.Reference.Assemblies.Net100.References.All));
        workspace.AddDocument(project.Id, "FluentFtp.cs", SourceText.From(FluentFtpSurface.Source));
        return workspace.AddDocument(project.Id, "Code.cs", SourceText.From(text));
    }

    private static IEnumerable<string> Comments(SyntaxNode? root)
        => root is null
            ? Enumerable.Empty<string>()
            : root.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)).Select(t => t.ToString().Trim()).Distinct();

    /// <summary>The sample files, and every snippet of the rule tests with its markup removed.</summary>
    internal static IEnumerable<(string Name, string Text)> Sources()
    {
        foreach (var (path, text) in AnalyzerRunner.SourcesOf(RepositoryPaths.Combine("samples", "FtpClientSample")))
        {
            if (!path.EndsWith("Program.cs", StringComparison.Ordinal))
            {
                yield return (System.IO.Path.GetFileName(path), text);
            }
        }

        var snippet = new Regex("\"\"\"\\r?\\n(.*?)\\r?\\n\"\"\"", RegexOptions.Singleline);
        foreach (var file in System.IO.Directory.EnumerateFiles(RepositoryPaths.Combine("tests", "FtpReplyAnalyzers.Tests", "Rules"), "*.cs").OrderBy(f => f, StringComparer.Ordinal))
        {
            var index = 0;
            foreach (Match match in snippet.Matches(System.IO.File.ReadAllText(file)))
            {
                index++;
                var text = Regex.Replace(match.Groups[1].Value, @"\{\|(#\d+|FTPR\d+):|\|\}", string.Empty);
                if (text.Contains("class ", StringComparison.Ordinal))
                {
                    yield return ($"{System.IO.Path.GetFileNameWithoutExtension(file)}#{index}", text.Contains("namespace FluentFTP", StringComparison.Ordinal) ? text : text);
                }
                else if (text.TrimStart().StartsWith("bool ", StringComparison.Ordinal) || text.TrimStart().StartsWith("void ", StringComparison.Ordinal)
                         || text.Contains("    ", StringComparison.Ordinal))
                {
                    yield return ($"{System.IO.Path.GetFileNameWithoutExtension(file)}#{index}", Snippets.InClass(text));
                }
            }
        }
    }
}
