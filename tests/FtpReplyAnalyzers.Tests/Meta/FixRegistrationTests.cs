using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FtpReplyAnalyzers.CodeFixes.Infrastructure;
using FtpReplyAnalyzers.CodeFixes.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace FtpReplyAnalyzers.Tests.Meta;

/// <summary>
/// Every code fix provider, on every diagnostic the analyzers report over the samples and the rule tests' snippets:
/// registering its fixes runs no rewrite (the light bulb asks for them all the time); every fix it offers computes
/// its rewrite when it is applied, anew each time (a root computed ahead would come back the same), and changes the
/// code without a new compiler error (the check that offers it is exact).
/// </summary>
public class FixRegistrationTests
{
    private static ImmutableArray<CodeFixProvider> Fixers => FixSweepTests.Fixers;

    private readonly ITestOutputHelper _output;

    public FixRegistrationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Registering_runs_no_rewrite_and_every_offered_fix_changes_the_code_and_compiles()
    {
        var offered = Fixers.ToDictionary(f => f.GetType().Name, _ => 0);
        var failures = new List<string>();
        foreach (var (name, text) in FixSweepTests.Sources())
        {
            var document = CreateDocument(text);
            var compilation = (await document.Project.GetCompilationAsync())!;
            var errorsBefore = Errors(compilation);
            var tree = (await document.GetSyntaxTreeAsync())!;
            var diagnostics = (await AnalyzerRunner.RunAsync(compilation))
                .Where(d => d.Location.SourceTree == tree && d.Id.StartsWith("FTPR", StringComparison.Ordinal))
                .OrderBy(d => d.Location.SourceSpan.Start);
            foreach (var diagnostic in diagnostics)
            {
                foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var where = $"{name}: {fixer.GetType().Name} on {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition}";
                    var rewrites = FixActions.Record();
                    var actions = new List<CodeAction>();
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    if (rewrites.Roots.Count != 0)
                    {
                        failures.Add($"{where}: registering the fixes ran {rewrites.Roots.Count} rewrites");
                    }

                    foreach (var action in actions)
                    {
                        offered[fixer.GetType().Name]++;
                        var before = rewrites.Roots.Count;
                        var operations = await action.GetOperationsAsync(CancellationToken.None);
                        await action.GetOperationsAsync(CancellationToken.None);
                        var roots = rewrites.Roots.Skip(before).ToList();
                        if (roots.Count != 2)
                        {
                            failures.Add($"{where} '{action.Title}': applying the fix twice ran {roots.Count} rewrites, not 2");
                        }
                        else if (ReferenceEquals(roots[0], roots[1]))
                        {
                            failures.Add($"{where} '{action.Title}': applying the fix twice gave the same root: it was computed before the fix was applied");
                        }

                        var changed = operations.OfType<ApplyChangesOperation>().SingleOrDefault()?.ChangedSolution.GetDocument(document.Id);
                        if (changed is null)
                        {
                            failures.Add($"{where} '{action.Title}': offered, but the fix changes no document");
                            continue;
                        }

                        var fixedText = (await changed.GetTextAsync()).ToString();
                        if (fixedText == text)
                        {
                            failures.Add($"{where} '{action.Title}': offered, but the fix leaves the code as it was");
                            continue;
                        }

                        var newErrors = Errors((await changed.Project.GetCompilationAsync())!).Except(errorsBefore).ToList();
                        if (newErrors.Count > 0)
                        {
                            failures.Add($"{where} '{action.Title}': new compiler errors: {string.Join("; ", newErrors)}{Environment.NewLine}{fixedText}");
                        }
                    }
                }
            }
        }

        foreach (var (fixer, count) in offered)
        {
            _output.WriteLine($"{fixer}: {count} fixes offered and applied");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.All(offered, pair => Assert.True(pair.Value > 0, pair.Key + " offered no fix on the sources"));
    }

    private static ImmutableHashSet<string> Errors(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + ": " + d.GetMessage()).ToImmutableHashSet();

    private static Document CreateDocument(string text)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Registration", "Registration", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: Basic.Reference.Assemblies.Net100.References.All));
        workspace.AddDocument(project.Id, "FluentFtp.cs", SourceText.From(FluentFtpSurface.Source));
        return workspace.AddDocument(project.Id, "Code.cs", SourceText.From(text));
    }
}
