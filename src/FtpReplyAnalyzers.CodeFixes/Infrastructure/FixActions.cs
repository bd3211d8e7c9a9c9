using System;
using System.Runtime.CompilerServices;
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
    private static readonly AsyncLocal<StrongBox<int>?> Counter = new();

    /// <summary>A code action whose callback runs <paramref name="rewrite"/> on the document's root.</summary>
    public static CodeAction Create(string title, Document document, Func<CancellationToken, SyntaxNode> rewrite, string equivalenceKey)
        => CodeAction.Create(title, cancellationToken => Task.FromResult(document.WithSyntaxRoot(Run(rewrite, cancellationToken))), equivalenceKey);

    /// <summary>
    /// Counts, from here on in the calling flow, the rewrites the fixes' code actions run (a test hook: the tests
    /// check that registering a fix runs none and applying it runs one).
    /// </summary>
    internal static StrongBox<int> CountRewrites()
    {
        var counter = new StrongBox<int>();
        Counter.Value = counter;
        return counter;
    }

    private static SyntaxNode Run(Func<CancellationToken, SyntaxNode> rewrite, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Counter.Value is { } counter)
        {
            Interlocked.Increment(ref counter.Value);
        }

        return rewrite(cancellationToken);
    }
}
