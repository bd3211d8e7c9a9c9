using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;

namespace FtpReplyAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// The code actions of the fixes. A provider's check decides, cheaply and exactly, that a fix applies and
/// plans it; the rewrite it plans runs only when the fix is applied (or previewed), not while the fixes are
/// registered: the light bulb asks every provider about every diagnostic under the caret.
/// </summary>
internal static class FixActions
{
    private static readonly AsyncLocal<RewriteLog?> Log = new();

    /// <summary>A code action whose callback runs <paramref name="rewrite"/> on the document's root.</summary>
    public static CodeAction Create(string title, Document document, Func<CancellationToken, SyntaxNode> rewrite, string equivalenceKey)
        => CodeAction.Create(title, cancellationToken => Task.FromResult(document.WithSyntaxRoot(Run(rewrite, cancellationToken))), equivalenceKey);

    /// <summary>
    /// Records, from here on in the calling flow, the roots the fixes' code actions compute (a test hook: the tests
    /// check that registering a fix runs no rewrite and that applying it computes a new root each time).
    /// </summary>
    internal static RewriteLog Record()
    {
        var log = new RewriteLog();
        Log.Value = log;
        return log;
    }

    private static SyntaxNode Run(Func<CancellationToken, SyntaxNode> rewrite, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var root = rewrite(cancellationToken);
        Log.Value?.Add(root);
        return root;
    }

    /// <summary>The roots the rewrites computed, in order.</summary>
    internal sealed class RewriteLog
    {
        private readonly List<SyntaxNode> _roots = new();

        public IReadOnlyList<SyntaxNode> Roots
        {
            get
            {
                lock (_roots)
                {
                    return _roots.ToArray();
                }
            }
        }

        public void Add(SyntaxNode root)
        {
            lock (_roots)
            {
                _roots.Add(root);
            }
        }
    }
}
