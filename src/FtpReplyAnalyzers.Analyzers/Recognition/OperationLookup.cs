using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// The operation of a syntax node found in the operation tree the analysis already holds: up from a nearby
/// operation to the first that covers the node, then down through the children that cover it. The semantic
/// model's <c>GetOperation</c> is asked only when the node is outside that tree (another member's body).
/// </summary>
internal static class OperationLookup
{
    /// <summary>The top of the operation tree that holds <paramref name="operation"/> (a method's body block hangs under the method-body operation).</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>The outermost operation whose syntax is <paramref name="syntax"/>, searched from <paramref name="near"/>.</summary>
    public static IOperation? Find(IOperation near, SyntaxNode? syntax)
    {
        if (syntax is null)
        {
            return null;
        }

        if (syntax.SyntaxTree == near.Syntax.SyntaxTree)
        {
            var target = syntax.FullSpan;
            var node = near;
            while (node.Parent is { } parent && !node.Syntax.FullSpan.Contains(target))
            {
                node = parent;
            }

            while (node.Syntax.FullSpan.Contains(target))
            {
                if (node.Syntax == syntax)
                {
                    return node;
                }

                IOperation? covering = null;
                foreach (var child in node.ChildOperations)
                {
                    if (child.Syntax.FullSpan.Contains(target))
                    {
                        covering = child;
                        break;
                    }
                }

                if (covering is null)
                {
                    break;
                }

                node = covering;
            }
        }

        return near.SemanticModel?.GetOperation(syntax);
    }
}
