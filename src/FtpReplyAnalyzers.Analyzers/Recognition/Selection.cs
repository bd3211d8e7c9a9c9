using FtpReplyAnalyzers.Catalog;
using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// The reply codes for which a condition holds, in three-valued logic: <see cref="Must"/> holds the codes
/// for which it is surely true whatever else the condition tests, <see cref="May"/> those for which it may be.
/// </summary>
internal readonly struct Selection
{
    public Selection(ReplyCodeSet must, ReplyCodeSet may, ReplyExpression? reply, SyntaxNode? anchor)
    {
        Must = must;
        May = may;
        Reply = reply;
        Anchor = anchor;
    }

    /// <summary>A condition that tests no reply: nothing is sure, anything may be.</summary>
    public static Selection Unknown => new(ReplyCodeSet.Empty, ReplyCodeSet.All, null, null);

    public ReplyCodeSet Must { get; }

    public ReplyCodeSet May { get; }

    /// <summary>The reply the condition tests, null when it tests none.</summary>
    public ReplyExpression? Reply { get; }

    /// <summary>The syntax of the test (the comparison, pattern, case label or catch clause).</summary>
    public SyntaxNode? Anchor { get; }

    public bool TestsReply => Reply is not null;

    public static Selection Exactly(ReplyCodeSet codes, ReplyExpression reply, SyntaxNode anchor) => new(codes, codes, reply, anchor);

    public Selection Not() => new(May.Complement(), Must.Complement(), Reply, Anchor);

    public Selection And(Selection other)
        => new(Must.Intersect(other.Must), May.Intersect(other.May), Reply ?? other.Reply, Merge(Anchor, other.Anchor));

    public Selection Or(Selection other)
        => new(Must.Union(other.Must), May.Union(other.May), Reply ?? other.Reply, Merge(Anchor, other.Anchor));

    /// <summary>The selection among the codes the reply can hold.</summary>
    public Selection Within(ReplyCodeSet possible) => new(Must.Intersect(possible), May.Intersect(possible), Reply, Anchor);

    public Selection WithAnchor(SyntaxNode anchor) => new(Must, May, Reply, anchor);

    private static SyntaxNode? Merge(SyntaxNode? left, SyntaxNode? right)
    {
        if (left is null)
        {
            return right;
        }

        if (right is null)
        {
            return left;
        }

        // The smallest node that covers both tests.
        for (var node = left; node is not null; node = node.Parent)
        {
            if (node.Span.Contains(right.Span))
            {
                return node;
            }
        }

        return left;
    }
}
