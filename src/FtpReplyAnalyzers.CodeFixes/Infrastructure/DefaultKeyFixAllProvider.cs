using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FtpReplyAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// A fix-all provider that fixes with the rule's own fix when it is asked without an equivalence key.
/// <c>dotnet format analyzers</c> takes the key from the first fix offered for the first diagnostic its analysis
/// found; the package's one analyzer reports every rule, so that diagnostic may be another rule's, the fixer then
/// offers nothing, and the key comes empty: the fix-all would find no fix to apply. Here the key of the fix for
/// the diagnostic id being fixed is used instead.
/// </summary>
internal sealed class DefaultKeyFixAllProvider : FixAllProvider
{
    private readonly FixAllProvider _inner;
    private readonly Func<string, string?> _keyFor;

    public DefaultKeyFixAllProvider(FixAllProvider inner, Func<string, string?> keyFor)
    {
        _inner = inner;
        _keyFor = keyFor;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => _inner.GetSupportedFixAllScopes();

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey is not null || fixAllContext.DiagnosticIds.Select(_keyFor).FirstOrDefault(key => key is not null) is not { } key)
        {
            return _inner.GetFixAsync(fixAllContext);
        }

        var provider = new Forwarding(fixAllContext);
        var keyed = fixAllContext.Document is { } document
            ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, fixAllContext.DiagnosticIds, provider, fixAllContext.CancellationToken)
            : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, fixAllContext.DiagnosticIds, provider, fixAllContext.CancellationToken);
        return _inner.GetFixAsync(keyed);
    }

    /// <summary>The diagnostics of the original context.</summary>
    private sealed class Forwarding : FixAllContext.DiagnosticProvider
    {
        private readonly FixAllContext _context;

        public Forwarding(FixAllContext context) => _context = context;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => await _context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await _context.GetProjectDiagnosticsAsync(project).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await _context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
    }
}
