using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading;
using FtpReplyAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers;

/// <summary>
/// Finds the option values the package cannot use: an <c>ftp_reply_analyzers.*</c> or <c>dotnet_diagnostic.FTPRxxxx.*</c>
/// key it does not know, a value out of range, a name that is not a name, an <c>FtpReplyAnalysisMode</c> that is not a
/// mode. Each distinct key and value is reported once per compilation (FTPR0009, without a location), saying what is
/// used instead. The check reads each file's options once, at the end of a compilation that speaks FTP.
/// </summary>
internal static class OptionCheck
{
    /// <summary>The MSBuild property that picks a preset, as the compiler sees it (CompilerVisibleProperty).</summary>
    public const string AnalysisModeKey = "build_property.FtpReplyAnalysisMode";

    /// <summary>The presets the package's build/FtpReplyAnalyzers.props knows, in the order the docs give them.</summary>
    public static readonly ImmutableArray<string> AnalysisModes = ImmutableArray.Create("Default", "Strict", "Minimal", "None");

    private const string DiagnosticPrefix = "dotnet_diagnostic.";
    private const string PackagePrefix = "ftp_reply_analyzers.";

    private static readonly string[] NameListKeys = { FtpOptions.RetryHelpersKey, FtpOptions.ReplyCodeMembersKey, FtpOptions.ExcludedSymbolsKey };

    private static readonly WholeNumberOption[] NumberOptions = { RetryOptions.MaxRetries, RetryOptions.FirstDelayMilliseconds };

    /// <summary><c>dotnet_diagnostic.FTPR0001.rest</c>, any case.</summary>
    private static readonly Regex DiagnosticKey = new(@"^dotnet_diagnostic\.(ftpr[0-9]{4})\.(.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>A name as FtpOptions matches it: <c>Name</c>, <c>Type.Name</c> or <c>Namespace.Type</c>, with type arguments.</summary>
    private static readonly Regex Name = new(@"^@?[\p{L}_][\p{L}\p{Nd}_]*(<[^<>;]*>)?(\.@?[\p{L}_][\p{L}\p{Nd}_]*(<[^<>;]*>)?)*$", RegexOptions.CultureInvariant);

    /// <summary>Reports each problem of the compilation's options, at the compilation's end.</summary>
    public static void Report(CompilationAnalysisContext end, ImmutableArray<DiagnosticDescriptor> descriptors)
    {
        foreach (var problem in Find(end.Compilation, end.Options.AnalyzerConfigOptionsProvider, descriptors, end.CancellationToken))
        {
            end.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.InvalidOption, Location.None, problem.Key, problem.Value, problem.Reason));
        }
    }

    /// <summary>The problems in the global options and in every file's options, each distinct key and value once, ordered.</summary>
    public static List<OptionProblem> Find(Compilation compilation, AnalyzerConfigOptionsProvider provider, ImmutableArray<DiagnosticDescriptor> descriptors, CancellationToken cancellationToken)
    {
        var found = new SortedDictionary<string, OptionProblem>(StringComparer.Ordinal);
        var seen = new HashSet<AnalyzerConfigOptions>();
        Collect(provider.GlobalOptions, descriptors, found);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var options = provider.GetOptions(tree);
            if (seen.Add(options))
            {
                Collect(options, descriptors, found);
            }
        }

        return new List<OptionProblem>(found.Values);
    }

    private static void Collect(AnalyzerConfigOptions options, ImmutableArray<DiagnosticDescriptor> descriptors, SortedDictionary<string, OptionProblem> found)
    {
        IEnumerable<string> keys;
        try
        {
            keys = options.Keys;
        }
        catch (NotImplementedException)
        {
            // AnalyzerConfigOptions.Keys is virtual and its base implementation throws NotImplementedException: a host
            // whose own options type does not list its keys gives nothing to check (the options still apply).
            return;
        }

        foreach (var key in keys)
        {
            if (!Concerns(key) || !options.TryGetValue(key, out var value))
            {
                continue;
            }

            var problem = Check(key, value.Trim(), descriptors);
            if (problem is not null)
            {
                found[problem.Key + "\n" + problem.Value] = problem;
            }
        }
    }

    private static bool Concerns(string key)
        => key.StartsWith(PackagePrefix, StringComparison.OrdinalIgnoreCase)
           || key.StartsWith(DiagnosticPrefix + "ftpr", StringComparison.OrdinalIgnoreCase)
           || string.Equals(key, AnalysisModeKey, StringComparison.OrdinalIgnoreCase);

    /// <summary>The problem with one option, or null when the package can use it as it is.</summary>
    internal static OptionProblem? Check(string key, string value, ImmutableArray<DiagnosticDescriptor> descriptors)
    {
        if (string.Equals(key, AnalysisModeKey, StringComparison.OrdinalIgnoreCase))
        {
            return CheckMode(value);
        }

        if (key.StartsWith(PackagePrefix, StringComparison.OrdinalIgnoreCase))
        {
            foreach (var known in NameListKeys)
            {
                if (string.Equals(key, known, StringComparison.OrdinalIgnoreCase))
                {
                    return CheckNames(known, value);
                }
            }

            return new OptionProblem(
                key.ToLowerInvariant(),
                value,
                "FtpReplyAnalyzers has no such option (it reads " + Join(NameListKeys, "and") + "); it is ignored");
        }

        var match = DiagnosticKey.Match(key);
        if (!match.Success)
        {
            return null;
        }

        var id = match.Groups[1].Value.ToUpperInvariant();
        var setting = match.Groups[2].Value.ToLowerInvariant();
        var display = DiagnosticPrefix + id + "." + setting;
        if (!IsOurs(id, descriptors))
        {
            return new OptionProblem(display, value, string.Format(
                CultureInfo.InvariantCulture,
                "there is no rule {0} (the rules are {1} to {2}); it is ignored",
                id,
                descriptors[0].Id,
                descriptors[descriptors.Length - 1].Id));
        }

        if (setting == "severity")
        {
            // Severities are the compiler's: it takes them out of the analyzer options and warns about one it does not know.
            return null;
        }

        foreach (var option in NumberOptions)
        {
            if (string.Equals(display, option.Key, StringComparison.OrdinalIgnoreCase))
            {
                return option.TryParse(value, out _)
                    ? null
                    : new OptionProblem(option.Key, value, string.Format(CultureInfo.InvariantCulture, "it takes {0}; {1} is used instead", option.Expected, option.Default));
            }
        }

        return new OptionProblem(display, value, id + " has no option " + setting + " (" + OptionsOf(id) + "); it is ignored");
    }

    private static OptionProblem? CheckMode(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        foreach (var mode in AnalysisModes)
        {
            if (string.Equals(value, mode, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return new OptionProblem(
            "FtpReplyAnalysisMode",
            value,
            "it takes " + Join(AnalysisModes, "or") + "; Default is used instead (each rule at its default severity)");
    }

    private static OptionProblem? CheckNames(string key, string value)
    {
        var bad = new List<string>();
        foreach (var part in value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Trim();
            if (name.Length > 0 && !Name.IsMatch(name))
            {
                bad.Add("'" + name + "'");
            }
        }

        if (bad.Count == 0)
        {
            return null;
        }

        var what = bad.Count == 1 ? bad[0] + " is not a name" : Join(bad, "and") + " are not names";
        return new OptionProblem(key, value, what + " (Name, Type.Name or Namespace.Type, comma-separated); left out, the other names are used");
    }

    private static bool IsOurs(string id, ImmutableArray<DiagnosticDescriptor> descriptors)
    {
        foreach (var descriptor in descriptors)
        {
            if (descriptor.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    private static string OptionsOf(string id)
    {
        var names = new List<string> { "severity" };
        foreach (var option in NumberOptions)
        {
            if (option.Key.StartsWith(DiagnosticPrefix + id + ".", StringComparison.Ordinal))
            {
                names.Add(option.Key.Substring(DiagnosticPrefix.Length + id.Length + 1));
            }
        }

        return "it reads " + Join(names, "and");
    }

    private static string Join(IReadOnlyList<string> items, string conjunction)
    {
        if (items.Count == 1)
        {
            return items[0];
        }

        var start = string.Join(", ", Slice(items, items.Count - 1));
        return start + " " + conjunction + " " + items[items.Count - 1];
    }

    private static IEnumerable<string> Slice(IReadOnlyList<string> items, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return items[i];
        }
    }
}

/// <summary>An option the package cannot use: its key as the docs write it, its value, and why and what is used instead.</summary>
internal sealed class OptionProblem
{
    public OptionProblem(string key, string value, string reason)
    {
        Key = key;
        Value = value;
        Reason = reason;
    }

    public string Key { get; }

    public string Value { get; }

    public string Reason { get; }
}
