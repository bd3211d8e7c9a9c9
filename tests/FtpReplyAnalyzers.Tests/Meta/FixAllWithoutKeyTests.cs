using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FtpReplyAnalyzers.Tests.Meta;

/// <summary>
/// <c>dotnet format analyzers --diagnostics A B</c> fixes one id after the other with a fix-all whose equivalence key is
/// the key of the first fix offered for the first diagnostic of its analysis, whatever that diagnostic's id: with one
/// analyzer for every rule it is often another rule's, and the key comes empty. Every fix-all must still fix its id.
/// </summary>
public class FixAllWithoutKeyTests
{
    private static ImmutableArray<CodeFixProvider> Fixers => FixSweepTests.Fixers;

    [Fact]
    public async Task Every_fix_all_fixes_its_rule_when_asked_without_a_key_beside_other_rules_diagnostics()
    {
        var document = CreateDocument();
        document = document.Project.Solution.GetDocument(document.Id)!;
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new FtpReplyAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var ids = diagnostics.Select(d => d.Id).Distinct().ToList();
        Assert.True(ids.Count >= 5, $"only {string.Join(", ", ids)} reported: the test would prove little");

        var fixedIds = new List<string>();
        foreach (var fixer in Fixers)
        {
            foreach (var id in fixer.FixableDiagnosticIds.Where(ids.Contains))
            {
                var context = new FixAllContext(document, fixer, FixAllScope.Solution, codeActionEquivalenceKey: null!, new[] { id }, new AllDiagnostics(diagnostics), CancellationToken.None);
                var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
                Assert.True(action is not null, $"{fixer.GetType().Name} returned no fix-all action for {id}");
                var operations = await action!.GetOperationsAsync(CancellationToken.None);
                var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                Assert.True(changed.GetChanges(document.Project.Solution).GetProjectChanges().Any(), $"{fixer.GetType().Name}'s fix-all changed nothing for {id}");
                fixedIds.Add(id);
            }
        }

        Assert.Equal(ids.Where(id => Fixers.Any(f => f.FixableDiagnosticIds.Contains(id))).OrderBy(i => i), fixedIds.OrderBy(i => i));
    }

    private static Document CreateDocument()
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Format", "Format", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: Basic.Reference.Assemblies.Net100.References.All));
        Document? first = null;
        foreach (var (path, text) in AnalyzerRunner.SourcesOf(RepositoryPaths.Combine("samples", "FtpClientSample")))
        {
            var document = workspace.AddDocument(project.Id, System.IO.Path.GetFileName(path), SourceText.From(text));
            first ??= document;
        }

        return workspace.CurrentSolution.GetDocument(first!.Id)!;
    }

    /// <summary>What dotnet format hands the fix-all: every diagnostic of its analysis, of every rule.</summary>
    private sealed class AllDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public AllDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
