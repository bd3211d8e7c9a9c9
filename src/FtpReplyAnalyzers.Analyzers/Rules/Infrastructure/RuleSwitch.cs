using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// Which rules are on for a file, as the compiler will filter their diagnostics: the file's .editorconfig severity,
/// then a global config, then the compilation's options (<c>/nowarn</c> and rule sets, which also win over an
/// .editorconfig severity when they suppress). A rule that is off does no work.
/// </summary>
internal sealed class RuleSwitch
{
    private readonly Rule[] _rules;
    private readonly CompilationOptions _options;
    private readonly ConcurrentDictionary<SyntaxTree, Rule[]> _onByTree = new();

    public RuleSwitch(Rule[] rules, CompilationOptions options)
    {
        _rules = rules;
        _options = options;
    }

    /// <summary>True when no file can turn the rule on: the compilation suppresses it (<c>/nowarn</c>, a rule set).</summary>
    public static bool IsOffEverywhere(DiagnosticDescriptor descriptor, CompilationOptions options)
        => options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var specific) && specific == ReportDiagnostic.Suppress;

    /// <summary>The rules on for <paramref name="tree"/>.</summary>
    public Rule[] OnFor(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_onByTree.TryGetValue(tree, out var on))
        {
            return on;
        }

        var list = new List<Rule>(_rules.Length);
        foreach (var rule in _rules)
        {
            if (IsOn(rule.Descriptor, tree, cancellationToken))
            {
                list.Add(rule);
            }
        }

        return _onByTree.GetOrAdd(tree, list.ToArray());
    }

    private bool IsOn(DiagnosticDescriptor descriptor, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var id = descriptor.Id;
        var provider = _options.SyntaxTreeOptionsProvider;
        if (provider is not null
            && (provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var severity) || provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out severity)))
        {
            return severity != ReportDiagnostic.Suppress;
        }

        if (_options.SpecificDiagnosticOptions.TryGetValue(id, out var specific))
        {
            return specific != ReportDiagnostic.Suppress;
        }

        return descriptor.IsEnabledByDefault;
    }
}
