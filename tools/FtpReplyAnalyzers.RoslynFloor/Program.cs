using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;

namespace FtpReplyAnalyzers.RoslynFloor;

/// <summary>
/// Loads FtpReplyAnalyzers.dll and FtpReplyAnalyzers.CodeFixes.dll from a folder (the package's analyzers/dotnet/cs)
/// into a process that runs Roslyn 4.8, as the compiler and an IDE load an analyzer package: each DLL in a load
/// context of its own that shares the host's Microsoft.CodeAnalysis. Then it
///   1. refuses, as the compiler does (CS9057), a DLL that references a newer Microsoft.CodeAnalysis than the host's;
///   2. runs the analyzers over the sources with the given .editorconfig options and compares the diagnostics with
///      the expected counts per id;
///   3. finds the fixers as hosts do (types with [ExportCodeFixProvider], created by reflection), asks each for its
///      fixes for every diagnostic it can fix, applies the first fix, and checks that the fixed project compiles
///      and the diagnostic is gone from its place;
///   4. with --pdb, checks that each DLL carries its PDB and that its source paths are deterministic (/_/...).
/// Prints what it did; exits 1 on the first failure.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            return RunAsync(Options.Parse(args)).GetAwaiter().GetResult();
        }
        catch (FloorException e)
        {
            Console.Error.WriteLine("roslyn-floor: FAILED: " + e.Message);
            return 1;
        }
    }

    private static async Task<int> RunAsync(Options options)
    {
        var roslyn = typeof(CSharpCompilation).Assembly;
        var roslynVersion = roslyn.GetName().Version!;
        var fileVersion = roslyn.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        Say($"host: Microsoft.CodeAnalysis.CSharp {roslynVersion} ({fileVersion}), Microsoft.CodeAnalysis.Workspaces {typeof(Workspace).Assembly.GetName().Version}, on .NET {Environment.Version}");

        var dlls = new[] { "FtpReplyAnalyzers.dll", "FtpReplyAnalyzers.CodeFixes.dll" }.Select(n => Path.Combine(options.AnalyzerFolder, n)).ToArray();
        foreach (var dll in dlls)
        {
            if (!File.Exists(dll))
            {
                throw new FloorException(dll + " is missing");
            }

            CheckReferences(dll, roslynVersion);
            if (options.CheckPdb)
            {
                CheckPdb(dll);
            }
        }

        // 2. The analyzers, loaded from their files.
        var loader = new IsolatingLoader();
        var references = dlls.Select(d => new AnalyzerFileReference(d, loader)).ToArray();
        var loadErrors = new List<string>();
        foreach (var reference in references)
        {
            reference.AnalyzerLoadFailed += (_, e) => loadErrors.Add($"{Path.GetFileName(reference.FullPath)}: {e.ErrorCode} {e.Message} {e.Exception?.Message}");
        }

        var analyzers = references.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        if (loadErrors.Count > 0)
        {
            throw new FloorException("analyzer load failed: " + string.Join("; ", loadErrors));
        }

        Say($"loaded {analyzers.Length} analyzer(s): {string.Join(", ", analyzers.Select(a => a.GetType().FullName))}, supporting {string.Join(" ", analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id))}");
        if (analyzers.IsEmpty)
        {
            throw new FloorException("no analyzer in " + dlls[0]);
        }

        var sources = Directory.EnumerateFiles(options.SourceFolder, "*.cs").OrderBy(p => p, StringComparer.Ordinal).ToArray();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(p => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(p)), parse, p)).ToArray();
        var metadata = ReferenceAssemblies();
        var compilationOptions = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable);
        // The sources as an IDE holds them: a project in a workspace (the fixes need the diagnostics of its documents).
        using var workspace = new AdhocWorkspace(MefHostServices.DefaultHost);
        var project = workspace.CurrentSolution
            .AddProject("FloorSample", "FloorSample", LanguageNames.CSharp)
            .WithCompilationOptions(compilationOptions)
            .WithParseOptions(parse)
            .WithMetadataReferences(metadata)
            .AddAnalyzerReferences(references);
        var documents = new Dictionary<string, DocumentId>();
        foreach (var tree in trees)
        {
            var document = project.AddDocument(Path.GetFileName(tree.FilePath), tree.GetText(), filePath: tree.FilePath);
            documents[tree.FilePath] = document.Id;
            project = document.Project;
        }

        if (options.EditorConfig.Length > 0)
        {
            project = project.AddAnalyzerConfigDocument(".editorconfig", SourceText.From(options.EditorConfig), filePath: Path.Combine(options.SourceFolder, ".editorconfig")).Project;
        }

        var solution = project.Solution;
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new FloorException("the sources do not compile on Roslyn " + roslynVersion + ": " + errors[0]);
        }

        var config = new ConfigOptionsProvider(options.EditorConfig);
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, config);
        var exceptions = new List<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, (e, a, d) => exceptions.Add(a.GetType().Name + ": " + e), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        if (exceptions.Count > 0)
        {
            throw new FloorException("analyzer exception: " + exceptions[0]);
        }

        foreach (var d in diagnostics.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
        {
            var where = d.Location.IsInSource ? $"{Path.GetFileName(d.Location.SourceTree!.FilePath)}({d.Location.GetLineSpan().StartLinePosition.Line + 1})" : "(no location)";
            Say($"  {where}: {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {Shorten(d.GetMessage())}");
        }

        var counts = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (id, expected) in options.Expected)
        {
            var actual = counts.TryGetValue(id, out var n) ? n : 0;
            if (actual != expected)
            {
                throw new FloorException($"{id}: {actual} diagnostic(s), expected {expected}");
            }
        }

        var unexpected = counts.Keys.Where(id => !options.Expected.ContainsKey(id)).ToList();
        if (unexpected.Count > 0)
        {
            throw new FloorException("unexpected diagnostics: " + string.Join(", ", unexpected));
        }

        Say($"analyzers on Roslyn {roslynVersion}: {diagnostics.Length} diagnostics, as expected ({string.Join(", ", options.Expected.Select(e => e.Key + " x" + e.Value))})");

        // 3. The code fixes, found and created as hosts do.
        var fixerAssembly = loader.LoadFromPath(dlls[1]);
        var fixers = fixerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } export && export.Languages.Contains(LanguageNames.CSharp))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        Say($"loaded {fixers.Count} code fix provider(s): {string.Join(", ", fixers.Select(f => f.GetType().Name))}");
        if (fixers.Count == 0)
        {
            throw new FloorException("no code fix provider in " + dlls[1]);
        }

        var applied = 0;
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            var fixer = fixers.FirstOrDefault(f => f.FixableDiagnosticIds.Contains(diagnostic.Id));
            if (fixer is null)
            {
                continue;
            }

            var document = solution.GetDocument(documents[diagnostic.Location.SourceTree!.FilePath])!;
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            if (actions.Count == 0)
            {
                // Some diagnostics get no fix by design (the rule page says where and why): the fixer ran and declined.
                Say($"  no fix offered for {diagnostic.Id} in {Path.GetFileName(diagnostic.Location.SourceTree!.FilePath)}({diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1})");
                continue;
            }

            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            var fixedSolution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            var fixedDocument = fixedSolution.GetDocument(document.Id)!;
            var before = (await document.GetTextAsync()).ToString();
            var after = (await fixedDocument.GetTextAsync()).ToString();
            if (before == after)
            {
                throw new FloorException($"the fix '{actions[0].Title}' for {diagnostic.Id} changed nothing");
            }

            var fixedCompilation = (await fixedDocument.Project.GetCompilationAsync())!;
            var fixedErrors = fixedCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (fixedErrors.Count > 0)
            {
                throw new FloorException($"the fix '{actions[0].Title}' for {diagnostic.Id} does not compile: {fixedErrors[0]}");
            }

            var fixedDiagnostics = await fixedCompilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, null, true, false)).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            if (fixedDiagnostics.Count(d => d.Id == diagnostic.Id) >= diagnostics.Count(d => d.Id == diagnostic.Id))
            {
                throw new FloorException($"the fix '{actions[0].Title}' for {diagnostic.Id} left as many {diagnostic.Id} as before");
            }

            applied++;
            Say($"  fixed {diagnostic.Id} in {Path.GetFileName(diagnostic.Location.SourceTree.FilePath)}({diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}): '{actions[0].Title}', compiles");
        }

        if (applied < options.MinimumFixes)
        {
            throw new FloorException($"{applied} fixes applied, expected at least {options.MinimumFixes}");
        }

        Say($"code fixes on Roslyn {roslynVersion} Workspaces: {applied} fixes applied, each compiles and removes its diagnostic");
        Say("passed");
        return 0;
    }

    /// <summary>As the compiler: an analyzer built against a newer Microsoft.CodeAnalysis than the host's is not loaded (CS9057).</summary>
    private static void CheckReferences(string dll, Version host)
    {
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            var name = reader.GetString(reference.Name);
            Say($"  {Path.GetFileName(dll)} references {name} {reference.Version}");
            if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && reference.Version > host)
            {
                throw new FloorException($"{Path.GetFileName(dll)} references {name} {reference.Version}, newer than the host's {host}: the compiler would drop it (CS9057)");
            }

            if (name.StartsWith("System.Composition", StringComparison.Ordinal) && reference.Version > new Version(7, 0, 0, 0))
            {
                throw new FloorException($"{Path.GetFileName(dll)} references {name} {reference.Version}, newer than Roslyn 4.8 hosts' System.Composition 7.0.0.0");
            }
        }
    }

    /// <summary>The DLL carries its PDB, and the PDB's source paths are deterministic (/_/...), not a build machine's folders.</summary>
    private static void CheckPdb(string dll)
    {
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var embedded = pe.ReadDebugDirectory().Where(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb).ToList();
        if (embedded.Count != 1)
        {
            throw new FloorException(Path.GetFileName(dll) + " has no embedded PDB");
        }

        using var pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded[0]);
        var reader = pdb.GetMetadataReader();
        var paths = reader.Documents.Select(h => reader.GetString(reader.GetDocument(h).Name)).ToList();
        var local = paths.Where(p => !p.StartsWith("/_/", StringComparison.Ordinal)).ToList();
        if (paths.Count == 0 || local.Count > 0)
        {
            throw new FloorException($"{Path.GetFileName(dll)}: {local.Count} of {paths.Count} source paths are not deterministic, e.g. {local.FirstOrDefault()}");
        }

        Say($"  {Path.GetFileName(dll)}: embedded PDB, {paths.Count} source paths, all under /_/ (e.g. {paths[0]})");
    }

    /// <summary>The running .NET's own assemblies: enough to compile the sample.</summary>
    private static ImmutableArray<MetadataReference> ReferenceAssemblies()
        => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Win32.Primitives.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

    private static string Shorten(string message) => message.Length > 140 ? message.Substring(0, 137) + "..." : message;

    private static void Say(string line) => Console.WriteLine("roslyn-floor: " + line);

    private sealed class FloorException : Exception
    {
        public FloorException(string message)
            : base(message)
        {
        }
    }

    /// <summary>What the compiler does with an analyzer DLL: a load context per DLL, Roslyn itself from the host.</summary>
    private sealed class IsolatingLoader : IAnalyzerAssemblyLoader
    {
        private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.Ordinal);

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath)
        {
            lock (_loaded)
            {
                if (!_loaded.TryGetValue(fullPath, out var assembly))
                {
                    var context = new AnalyzerContext(Path.GetDirectoryName(fullPath)!);
                    assembly = context.LoadFromAssemblyPath(fullPath);
                    _loaded[fullPath] = assembly;
                }

                return assembly;
            }
        }
    }

    private sealed class AnalyzerContext : AssemblyLoadContext
    {
        private readonly string _folder;

        public AnalyzerContext(string folder)
            : base(isCollectible: false)
        {
            _folder = folder;
        }

        protected override Assembly? Load(AssemblyName name)
        {
            // The host's assemblies (Roslyn, System.*) first; then a DLL beside the analyzer (the code fixes find the
            // analyzer assembly this way).
            try
            {
                return Default.LoadFromAssemblyName(name);
            }
            catch (FileNotFoundException)
            {
                var path = Path.Combine(_folder, name.Name + ".dll");
                return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
            }
        }
    }

    /// <summary>One .editorconfig's options, the same for every file (enough for the check).</summary>
    private sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly ConfigOptions _options;

        public ConfigOptionsProvider(string editorConfig)
        {
            var values = ImmutableDictionary.CreateBuilder<string, string>(AnalyzerConfigOptions.KeyComparer);
            if (editorConfig.Length > 0)
            {
                var set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(editorConfig, "/floor/.editorconfig") });
                foreach (var pair in set.GetOptionsForSourcePath("/floor/Any.cs").AnalyzerOptions)
                {
                    values[pair.Key] = pair.Value;
                }
            }

            _options = new ConfigOptions(values.ToImmutable());
        }

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    private sealed class ConfigOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public ConfigOptions(ImmutableDictionary<string, string> values) => _values = values;

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }

    private sealed class Options
    {
        public string AnalyzerFolder { get; private set; } = "";

        public string SourceFolder { get; private set; } = "";

        public string EditorConfig { get; private set; } = "";

        public Dictionary<string, int> Expected { get; } = new(StringComparer.Ordinal);

        public int MinimumFixes { get; private set; }

        public bool CheckPdb { get; private set; }

        public static Options Parse(string[] args)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : "";
                switch (args[i])
                {
                    case "--analyzers": options.AnalyzerFolder = Path.GetFullPath(value); i++; break;
                    case "--sources": options.SourceFolder = Path.GetFullPath(value); i++; break;
                    case "--editorconfig": options.EditorConfig = File.ReadAllText(value); i++; break;
                    case "--expect":
                        var parts = value.Split('=');
                        options.Expected[parts[0]] = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                        i++;
                        break;
                    case "--min-fixes": options.MinimumFixes = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); i++; break;
                    case "--pdb": options.CheckPdb = true; break;
                    default: throw new FloorException("unknown argument " + args[i]);
                }
            }

            if (options.AnalyzerFolder.Length == 0 || options.SourceFolder.Length == 0)
            {
                throw new FloorException("usage: --analyzers DIR --sources DIR [--editorconfig FILE] [--expect ID=N]... [--min-fixes N] [--pdb]");
            }

            return options;
        }
    }
}
