using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Flow;

/// <summary>Decides whether a catch clause receives the negative replies of an FTP call.</summary>
internal static class CaughtReply
{
    /// <summary>
    /// The reply a catch clause receives: an exception type that exists to carry a reply, or one that a call in the
    /// try body throws on a negative reply (<c>WebException</c> from FtpWebRequest, FluentFTP's exceptions from its
    /// high-level calls), caught as itself or as a base type.
    /// </summary>
    public static ReplyExpression? Of(ICatchClauseOperation catchClause, FtpLibraries libraries)
    {
        if (catchClause.Parent is not ITryOperation tryOperation)
        {
            return null;
        }

        var caughtType = catchClause.ExceptionType;
        var receiver = catchClause.ExceptionDeclarationOrExpression;
        if (libraries.IsReplyException(caughtType))
        {
            return new ReplyExpression(ReplyValueKind.StatusCode, catchClause, receiver);
        }

        return OperationHelpers.AnyDescendant(tryOperation.Body, (libraries, caughtType), static (operation, asked) =>
                operation is IInvocationOperation invocation && asked.libraries.NegativeReplyException(invocation) is { } thrown
                && (Catches(asked.caughtType, thrown) || (asked.caughtType is not null && asked.libraries.CodeOfException(asked.caughtType) is not null && Catches(thrown, asked.caughtType))))
            ? new ReplyExpression(ReplyValueKind.StatusCode, catchClause, receiver)
            : null;
    }

    /// <summary>
    /// True when a catch of <paramref name="caught"/> (null or object: a catch-all) receives <paramref name="thrown"/>.
    /// (A catch of a subtype of the thrown type receives only some replies: it counts where the library says which.)
    /// </summary>
    private static bool Catches(ITypeSymbol? caught, ITypeSymbol thrown)
    {
        if (caught is null || caught.SpecialType == SpecialType.System_Object)
        {
            return true;
        }

        for (var type = thrown; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, caught))
            {
                return true;
            }
        }

        return false;
    }
}
