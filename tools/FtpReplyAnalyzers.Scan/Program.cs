// Runs every analyzer of the FtpReplyAnalyzers assembly over folders of C# files, as an IDE would over a project
// (compile errors tolerated), prints each diagnostic, and with --verdicts measures the run against judged ones.
//
//   FtpReplyAnalyzers.Scan [FOLDER ...] [--root NAME=FOLDER ...] [--sets DIR] [--verdicts FILE] [--exact]
//
// Each folder is one compilation. A diagnostic is printed as `FTPRxxxx NAME/relative/path.cs:line message`, where
// NAME is the --root name (or the folder's own name); verdicts name diagnostics the same way. --sets DIR takes each
// sub-folder of DIR as a root named after it. --exact fails unless every diagnostic is judged and every judged one
// appears (for CI). The exit code is 2 when an analyzer threw (AD0001), 1 when --exact fails, 0 otherwise.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

var roots = new List<(string Name, string Folder)>();
string? verdictsPath = null;
var exact = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--root" when i + 1 < args.Length && args[i + 1].Split('=', 2) is [var name, var folder]:
            roots.Add((name, folder));
            i++;
            break;
        case "--sets" when i + 1 < args.Length:
            roots.AddRange(Directory.GetDirectories(args[++i]).Order(StringComparer.Ordinal).Select(d => (Path.GetFileName(d), d)));
            break;
        case "--verdicts" when i + 1 < args.Length:
            verdictsPath = args[++i];
            break;
        case "--exact":
            exact = true;
            break;
        case var folder when !folder.StartsWith("--", StringComparison.Ordinal):
            roots.Add((Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), folder));
            break;
        default:
            Console.Error.WriteLine($"unknown or incomplete option: {args[i]}");
            return Usage();
    }
}

if (roots.Count == 0)
{
    return Usage();
}

// Every analyzer the assembly declares, found as a host finds them: nothing here knows how many there are.
var analyzers = Assembly.Load("FtpReplyAnalyzers").GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
    .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true)
    .OrderBy(t => t.FullName, StringComparer.Ordinal)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
Console.WriteLine($"{analyzers.Length} analyzers: {string.Join(", ", analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal))}");

var found = new List<Found>();
var crashes = new List<string>();
foreach (var (name, folder) in roots)
{
    ScanFolder(name, folder, analyzers, found, crashes);
}

Console.WriteLine();
Console.WriteLine($"{found.Count} diagnostics");
foreach (var group in found.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {group.Key}  {group.Count(),4}   ({string.Join(", ", group.GroupBy(f => f.Set).Select(s => $"{s.Key} {s.Count()}"))})");
}

var exitCode = 0;
if (verdictsPath is not null && !Compare(found, Verdict.Read(verdictsPath)) && exact)
{
    exitCode = 1;
}

if (crashes.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine($"!!!!! {crashes.Count} ANALYZER EXCEPTION(S) (AD0001) !!!!!");
    foreach (var crash in crashes)
    {
        Console.WriteLine(crash);
    }
    exitCode = 2;
}

return exitCode;

static int Usage()
{
    Console.Error.WriteLine("usage: FtpReplyAnalyzers.Scan [FOLDER ...] [--root NAME=FOLDER ...] [--sets DIR] [--verdicts FILE] [--exact]");
    return 64;
}

static void ScanFolder(string name, string folder, ImmutableArray<DiagnosticAnalyzer> analyzers, List<Found> found, List<string> crashes)
{
    var parse = new CSharpParseOptions(LanguageVersion.Latest);
    var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
        .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
        .Order(StringComparer.Ordinal)
        .ToList();
    var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)).ToList();

    // FluentFTP's public surface, for code that uses FluentFTP without its source (a package reference).
    // Used: the name appears (`using FluentFTP;`, `global using`, `FluentFTP.FtpClient`); defined: a namespace of its own.
    var usesFluentFtp = trees.Any(t => t.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == "FluentFTP"));
    var definesFluentFtp = trees.Any(t => t.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Name.ToString() is { } s && (s == "FluentFTP" || s.StartsWith("FluentFTP.", StringComparison.Ordinal))));
    var withSurface = usesFluentFtp && !definesFluentFtp;
    if (withSurface)
    {
        trees.Add(CSharpSyntaxTree.ParseText(FluentFtpSurface.Source, parse, "FluentFtpSurface.cs"));
    }

    var compilation = CSharpCompilation.Create(name, trees, Basic.Reference.Assemblies.Net100.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
    var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    Console.WriteLine($"== {name}: {files.Count} files from {folder}{(withSurface ? ", with FluentFTP's surface" : string.Empty)}, {errors} compile errors (tolerated)");

    var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
        onAnalyzerException: (ex, analyzer, diagnostic) => crashes.Add($"AD0001 {name}: {analyzer.GetType().Name}: {ex}"),
        concurrentAnalysis: false, logAnalyzerExecutionTime: false);
    var diagnostics = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
    var ours = new List<Found>();
    foreach (var diagnostic in diagnostics)
    {
        var span = diagnostic.Location.GetLineSpan();
        var path = span.Path.Length == 0 ? "(no file)" : $"{name}/{Path.GetRelativePath(folder, span.Path).Replace('\\', '/')}";
        if (diagnostic.Id == "AD0001")
        {
            crashes.Add($"AD0001 {path}:{span.StartLinePosition.Line + 1} {diagnostic.GetMessage()}");
            continue;
        }

        ours.Add(new Found(name, path, span.StartLinePosition.Line + 1, diagnostic.Id, diagnostic.GetMessage()));
    }

    foreach (var f in ours.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Rule, StringComparer.Ordinal))
    {
        Console.WriteLine($"{f.Rule} {f.File}:{f.Line} {f.Message}");
    }
    found.AddRange(ours);
}

// Prints precision per rule and overall (debatable counts as wrong), the diagnostics no verdict judges and the judged
// ones that no longer appear; true when every diagnostic is judged and every judged one appears.
static bool Compare(List<Found> found, List<Verdict> verdicts)
{
    // A diagnostic matches a verdict of the same file, rule and line; two diagnostics on one line need two verdicts.
    var open = verdicts.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => new Queue<Verdict>(g));
    var judged = new List<(Found Found, Verdict Verdict)>();
    var unjudged = new List<Found>();
    foreach (var f in found)
    {
        if (open.TryGetValue(f.Key, out var queue) && queue.Count > 0)
        {
            judged.Add((f, queue.Dequeue()));
        }
        else
        {
            unjudged.Add(f);
        }
    }

    Console.WriteLine();
    Console.WriteLine($"verdicts: {judged.Count} of {found.Count} diagnostics judged");
    Console.WriteLine("  rule      judged  right  wrong  debatable  precision");
    var byRule = judged.GroupBy(j => j.Found.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Select(j => j.Verdict).ToList())).ToList();
    foreach (var (rule, list) in byRule.Append(("overall", judged.Select(j => j.Verdict).ToList())))
    {
        var right = list.Count(v => v.Judgement == "right");
        var wrong = list.Count(v => v.Judgement == "wrong");
        var debatable = list.Count - right - wrong;
        var precision = list.Count == 0 ? "-" : $"{100.0 * right / list.Count:0.0}%";
        Console.WriteLine($"  {rule,-9} {list.Count,6} {right,6} {wrong,6} {debatable,10}  {precision,9}");
    }

    Console.WriteLine();
    Console.WriteLine($"{unjudged.Count} diagnostics without a verdict");
    foreach (var f in unjudged)
    {
        Console.WriteLine($"  {f.Rule} {f.File}:{f.Line} {f.Message}");
    }

    var vanished = open.Values.SelectMany(q => q).ToList();
    Console.WriteLine($"{vanished.Count} judged diagnostics no longer reported");
    foreach (var v in vanished)
    {
        Console.WriteLine($"  {v.Rule} {v.File}:{v.Line} (was {v.Judgement}: {v.Why})");
    }

    return unjudged.Count == 0 && vanished.Count == 0;
}

internal sealed record Found(string Set, string File, int Line, string Rule, string Message)
{
    public string Key => $"{File}\t{Rule}\t{Line}";
}

// One line of a verdicts file: repository, commit, file (NAME/relative/path), line, rule, verdict, why.
internal sealed record Verdict(string File, int Line, string Rule, string Judgement, string Why)
{
    public string Key => $"{File}\t{Rule}\t{Line}";

    public static List<Verdict> Read(string path)
    {
        var lines = System.IO.File.ReadAllLines(path);
        var header = lines[0].Split('\t').ToList();
        int Column(string name) => header.IndexOf(name) is >= 0 and var i ? i : throw new InvalidDataException($"{path}: no '{name}' column");
        var (file, line, rule, verdict, why) = (Column("file"), Column("line"), Column("rule"), Column("verdict"), Column("why"));
        var verdicts = new List<Verdict>();
        for (var number = 2; number <= lines.Length; number++)
        {
            var text = lines[number - 1];
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var cells = text.Split('\t');
            var judgement = cells[verdict];
            if (judgement is not ("right" or "wrong" or "debatable"))
            {
                throw new InvalidDataException($"{path}:{number}: verdict '{judgement}' is not right, wrong or debatable");
            }

            verdicts.Add(new Verdict(cells[file], int.Parse(cells[line]), cells[rule], judgement, cells[why]));
        }

        return verdicts;
    }
}
