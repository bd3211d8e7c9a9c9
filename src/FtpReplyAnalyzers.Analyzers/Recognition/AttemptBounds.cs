using System;
using FtpReplyAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// Tests that bound a retry instead of choosing the replies it takes: an attempt counter compared with a limit
/// (<c>attempt &lt; MaxAttempts</c>, <c>retries-- &gt; 0</c>, <c>++tries &lt;= 3</c>) and cancellation checks
/// (<c>!token.IsCancellationRequested</c>). Beside a reply test (<c>code &gt;= 500 &amp;&amp; attempt &lt; 3</c>) they
/// say how often the replies are retried, not which.
/// </summary>
internal static class AttemptBounds
{
    private static readonly string[] CounterNames = { "attempt", "retr", "tries", "tried", "trycount", "tryno", "trynumber", "maxtry" };

    /// <summary>True when <paramref name="name"/> names a retry counter (attempt, retries, tries, ...).</summary>
    public static bool NamesCounter(string name)
    {
        foreach (var part in CounterNames)
        {
            if (name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="condition"/> only bounds the attempts or checks for cancellation.</summary>
    public static bool Is(IOperation condition, ReplyRecognizer recognizer)
    {
        switch (OperationHelpers.StripConversions(condition))
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Is(not.Operand, recognizer);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } both:
                return Is(both.LeftOperand, recognizer) && Is(both.RightOperand, recognizer);
            case IPropertyReferenceOperation { Property.Name: "IsCancellationRequested" }:
                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual } comparison:
                return recognizer.Recognize(comparison.LeftOperand) is null && recognizer.Recognize(comparison.RightOperand) is null
                       && (IsCounter(comparison.LeftOperand, comparison) || IsCounter(comparison.RightOperand, comparison));
            default:
                return false;
        }
    }

    /// <summary>A counter: counted up or down in the comparison itself, named as one, or counted in the function.</summary>
    private static bool IsCounter(IOperation operand, IOperation comparison)
    {
        operand = OperationHelpers.StripConversions(operand) ?? operand;
        if (operand is IIncrementOrDecrementOperation)
        {
            return true;
        }

        if (OperationHelpers.VariableOf(operand) is not { } variable)
        {
            return false;
        }

        if (NamesCounter(variable.Name))
        {
            return true;
        }

        return OperationHelpers.AnyDescendant(OperationHelpers.FunctionBody(comparison), variable, static (operation, variable) => operation switch
        {
            IIncrementOrDecrementOperation step => Counts(step.Target, variable),
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } step => Counts(step.Target, variable),
            _ => false,
        });
    }

    private static bool Counts(IOperation target, ISymbol variable)
        => SymbolEqualityComparer.Default.Equals(OperationHelpers.VariableOf(OperationHelpers.StripConversions(target)), variable);
}
