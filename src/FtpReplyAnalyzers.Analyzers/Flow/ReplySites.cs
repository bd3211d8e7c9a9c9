using System.Collections.Generic;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Flow;

/// <summary>The points where code may end an operation: throws, returns (and the values they return through arms), breaks, exits, error logs; how each ends it is <see cref="GiveUp.Classify"/>.</summary>
internal static class ReplySites
{
    /// <summary>
    /// The values a return of a switch expression or a conditional gives back through its arms, each a site of its
    /// own (<c>"426" =&gt; false</c>); null when <paramref name="operation"/> is no such return.
    /// </summary>
    public static IEnumerable<IOperation>? ArmValues(IOperation operation)
        => operation is IReturnOperation { ReturnedValue: { } value } && StripValue(value) is (ISwitchExpressionOperation or IConditionalOperation) and var arms
            ? Leaves(arms, 0)
            : null;

    /// <summary>The syntax a diagnostic on the site points at: the whole statement for statements.</summary>
    public static SyntaxNode LocationOf(IOperation site)
    {
        var syntax = site.Syntax;
        if (site is IInvocationOperation && syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.AwaitExpressionSyntax awaited)
        {
            syntax = awaited;
        }

        if (site is IInvocationOperation && syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax statement)
        {
            return statement;
        }

        return syntax;
    }

    private static IOperation? StripValue(IOperation? value)
    {
        while (value is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            value = value is IConversionOperation c ? c.Operand : ((IParenthesizedOperation)value).Operand;
        }

        return value;
    }

    private static IEnumerable<IOperation> Leaves(IOperation value, int depth)
    {
        value = StripValue(value) ?? value;
        if (depth > 8)
        {
            yield break;
        }

        switch (value)
        {
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    foreach (var leaf in Leaves(arm.Value, depth + 1))
                    {
                        yield return leaf;
                    }
                }

                break;
            case IConditionalOperation conditional:
                foreach (var leaf in Leaves(conditional.WhenTrue, depth + 1))
                {
                    yield return leaf;
                }

                if (conditional.WhenFalse is { } whenFalse)
                {
                    foreach (var leaf in Leaves(whenFalse, depth + 1))
                    {
                        yield return leaf;
                    }
                }

                break;
            case IThrowOperation:
                // Throw expressions are sites of their own.
                break;
            default:
                yield return value;
                break;
        }
    }
}
