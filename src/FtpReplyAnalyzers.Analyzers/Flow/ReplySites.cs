using System.Collections.Generic;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Flow;

/// <summary>The points where code may end an operation: throws, returns (and the values they return through arms), breaks, exits, error logs.</summary>
internal static class ReplySites
{
    /// <summary>True for a return of a switch expression or a conditional: its sites are the values of the arms.</summary>
    public static bool ReturnsThroughArms(IOperation operation)
        => operation is IReturnOperation { ReturnedValue: { } value } && StripValue(value) is ISwitchExpressionOperation or IConditionalOperation;

    /// <summary>The sites a throw, return, branch or invocation stands for, each with how it ends the operation.</summary>
    public static IEnumerable<(IOperation Site, GiveUpKind Kind)> Of(IOperation operation, ReplyRecognizer recognizer)
    {
        if (operation is IReturnOperation { ReturnedValue: { } value } && ReturnsThroughArms(operation))
        {
            foreach (var leaf in Leaves(StripValue(value)!, 0))
            {
                var kind = GiveUp.Classify(leaf, recognizer);
                if (kind != GiveUpKind.None)
                {
                    yield return (leaf, kind);
                }
            }

            yield break;
        }

        var siteKind = GiveUp.Classify(operation, recognizer);
        if (siteKind != GiveUpKind.None)
        {
            yield return (operation, siteKind);
        }
    }

    /// <summary>The syntax a diagnostic on the site points at: the whole statement for statements.</summary>
    public static SyntaxNode LocationOf(IOperation site)
    {
        var syntax = site.Syntax;
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
