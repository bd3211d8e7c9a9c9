using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using FtpReplyAnalyzers.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FtpReplyAnalyzers.EndToEnd.Infrastructure;

/// <summary>What a run of a shape's code did: what it returned or threw, and how long it took.</summary>
public sealed record Outcome(object? Returned, Exception? Thrown, TimeSpan Elapsed)
{
    public bool GaveUp => Thrown is not null || Returned is false;

    public override string ToString() => Thrown is not null ? $"threw {Thrown.GetType().Name}: {Thrown.Message} (inner: {Thrown.InnerException?.GetType().Name ?? "none"})" : $"returned {Returned}";
}

/// <summary>
/// FTP client code as a user writes it, compiled in memory and run in this process, against the fault-injecting server.
/// Its source ends with a class <c>Entry</c> with <c>public static object Run(string host, int port, string folder, string[] files, Stream output, CancellationToken token)</c>,
/// which the tests call: it is compiled apart, into an assembly of its own that references the code's, so that the
/// analyzer sees the code as a user's project, with no caller of its methods that the tests added.
/// The fix is applied as a user gets it: the analyzer's diagnostics, then the rule's fix-all through the workspace API
/// (what <c>dotnet format analyzers</c> and the IDE's "fix all in document" do), with the retry settings of an .editorconfig.
/// </summary>
public sealed class Shape
{
    /// <summary>The retry settings the fixes write in these tests: small, so that a scenario stays well under a second.</summary>
    public const int MaxRetries = 3;
    public const int FirstDelayMilliseconds = 20;

    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();
    private static readonly ImmutableArray<CodeFixProvider> Fixers = ImmutableArray.Create<CodeFixProvider>(
        new TransientReplyGivenUpCodeFixProvider(), new PermanentReplyRetriedCodeFixProvider(), new PositiveReplyAsErrorCodeFixProvider(), new NegativeReplyAsSuccessCodeFixProvider());

    private const string EntryMarker = "public static class Entry";

    private readonly Document _document;
    private readonly string _entry;
    private Assembly? _assembly;

    private Shape(Document document, string entry, string text, ImmutableArray<Diagnostic> diagnostics)
    {
        _document = document;
        _entry = entry;
        Text = text;
        Diagnostics = diagnostics;
    }

    public string Text { get; }

    /// <summary>The FTPR diagnostics the analyzer reports on the code.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public IEnumerable<string> Ids => Diagnostics.Select(d => d.Id);

    /// <summary>The code, with the fixes' first delay set to <paramref name="firstDelayMilliseconds"/> in its .editorconfig.</summary>
    public static Task<Shape> CreateAsync(string source, int firstDelayMilliseconds = FirstDelayMilliseconds)
    {
        var split = source.IndexOf(EntryMarker, StringComparison.Ordinal);
        if (split < 0)
        {
            throw new ArgumentException($"The code has no {EntryMarker}.", nameof(source));
        }

        var usings = string.Concat(source.Split('\n').TakeWhile(line => line.StartsWith("using ", StringComparison.Ordinal)).Select(line => line + "\n"));
        return CreateAsync(CreateDocument(source.Substring(0, split), firstDelayMilliseconds), usings + source.Substring(split));
    }

    private static async Task<Shape> CreateAsync(Document document, string entry)
    {
        var compilation = (await document.Project.GetCompilationAsync().ConfigureAwait(false))!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var text = (await document.GetTextAsync().ConfigureAwait(false)).ToString();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The code does not compile:\n" + string.Join("\n", errors) + "\n" + text);
        }

        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new FtpReplyAnalyzer()), document.Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        return new Shape(document, entry, text, diagnostics.Where(d => d.Id.StartsWith("FTPR", StringComparison.Ordinal)).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray());
    }

    /// <summary>
    /// The code after the fix-all of rule <paramref name="id"/>, or null when the rule's fix is not offered for any of its
    /// diagnostics here (as a user sees it: no light bulb entry).
    /// </summary>
    public async Task<Shape?> FixAsync(string id)
    {
        var diagnostics = Diagnostics.Where(d => d.Id == id).ToImmutableArray();
        var fixer = Fixers.Single(f => f.FixableDiagnosticIds.Contains(id));
        var actions = new List<CodeAction>();
        foreach (var diagnostic in diagnostics)
        {
            var context = new CodeFixContext(_document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        }

        if (actions.Count == 0)
        {
            return null;
        }

        var fixAll = new FixAllContext(_document, fixer, FixAllScope.Document, actions[0].EquivalenceKey!, new[] { id }, new Provider(diagnostics), CancellationToken.None);
        var fixAllAction = await fixer.GetFixAllProvider()!.GetFixAsync(fixAll).ConfigureAwait(false);
        var operations = await fixAllAction!.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return await CreateAsync(solution.GetDocument(_document.Id)!, _entry).ConfigureAwait(false);
    }

    /// <summary>Runs the code's <c>Entry.Run</c>; a run that has not ended after <paramref name="limit"/> fails the test.</summary>
    public Outcome Run(FaultFtpServer server, string folder, string[] files, Stream output, CancellationToken token = default, TimeSpan? limit = null)
    {
        var run = Load().GetType("Entry", throwOnError: true)!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;
        var watch = Stopwatch.StartNew();
        var task = Task.Run(() =>
        {
            try
            {
                return new Outcome(run.Invoke(null, new object[] { "127.0.0.1", server.Port, folder, files, output, token }), null, TimeSpan.Zero);
            }
            catch (TargetInvocationException e)
            {
                return new Outcome(null, e.InnerException, TimeSpan.Zero);
            }
        });
        if (!task.Wait(limit ?? TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"The code did not end within {limit ?? TimeSpan.FromSeconds(30)}:\n{Text}");
        }

        return task.Result with { Elapsed = watch.Elapsed };
    }

    private Assembly Load()
    {
        if (_assembly is null)
        {
            var compilation = _document.Project.GetCompilationAsync().GetAwaiter().GetResult()!;
            var code = Emit(compilation);
            var entry = Emit(CSharpCompilation.Create(
                "ShapeEntry",
                new[] { CSharpSyntaxTree.ParseText(_entry, new CSharpParseOptions(LanguageVersion.Latest)) },
                References.Add(MetadataReference.CreateFromImage(code)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
            var context = new ShapeLoadContext();
            context.Code = context.LoadFromStream(new MemoryStream(code));
            _assembly = context.LoadFromStream(new MemoryStream(entry));
        }

        return _assembly;
    }

    private byte[] Emit(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The code does not build:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + Text + "\n" + _entry);
        }

        return image.ToArray();
    }

    /// <summary>Loads the code and its entry together, and unloads them with the test's objects.</summary>
    private sealed class ShapeLoadContext : AssemblyLoadContext
    {
        public ShapeLoadContext()
            : base("shape", isCollectible: true)
        {
        }

        public Assembly? Code { get; set; }

        protected override Assembly? Load(AssemblyName assemblyName) => assemblyName.Name == Code?.GetName().Name ? Code : null;
    }

    private static Document CreateDocument(string source, int firstDelayMilliseconds)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Shape", "Shape", LanguageNames.CSharp,
            filePath: "/shape/Shape.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: References));
        var editorConfig = $"""
            root = true

            [*.cs]
            dotnet_diagnostic.FTPR0001.max_retries = {MaxRetries}
            dotnet_diagnostic.FTPR0001.first_delay_ms = {firstDelayMilliseconds}
            """;
        solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/shape/.editorconfig");
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Shape.cs", SourceText.From(source), filePath: "/shape/Shape.cs");
        if (!workspace.TryApplyChanges(solution))
        {
            throw new InvalidOperationException("The workspace took no project.");
        }

        return workspace.CurrentSolution.GetDocument(documentId)!;
    }

    /// <summary>The framework's assemblies, as a project references them (Microsoft.Win32.Primitives holds SocketException's base type).</summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
        => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Win32.Primitives.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
