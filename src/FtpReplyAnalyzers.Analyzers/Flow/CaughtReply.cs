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

        return OperationHelpers.AnyDescendant(tryOperation.Body, (libraries, caughtType, catchClause), static (operation, asked) =>
                operation is IInvocationOperation invocation && (asked.libraries.NegativeReplyException(invocation) ?? LetOutBy(invocation.TargetMethod, asked.libraries)) is { } thrown
                && (OperationHelpers.CatchReceives(asked.caughtType, thrown) || (asked.caughtType is not null && asked.libraries.CodeOfException(asked.caughtType) is not null && OperationHelpers.CatchReceives(thrown, asked.caughtType)))
                && !TakenBefore(asked.catchClause, thrown))
            ? new ReplyExpression(ReplyValueKind.StatusCode, catchClause, receiver)
            : null;
    }

    /// <summary>
    /// True when a clause of the same try before <paramref name="catchClause"/>, without a filter, catches
    /// <paramref name="thrown"/>: <c>catch (WebException) { ... } catch (Exception) { ... }</c>, where the second never
    /// sees the reply.
    /// </summary>
    private static bool TakenBefore(ICatchClauseOperation catchClause, ITypeSymbol thrown)
    {
        if (catchClause.Parent is not ITryOperation tryOperation)
        {
            return false;
        }

        foreach (var earlier in tryOperation.Catches)
        {
            if (earlier == catchClause)
            {
                return false;
            }

            if (earlier.Filter is null && OperationHelpers.CatchReceives(earlier.ExceptionType, thrown))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The exception a private helper of the project's own lets out when an FTP call in it gets a negative reply
    /// (<c>UploadHelper(stream, path)</c>, whose body calls <c>request.GetRequestStream()</c> outside any catch that keeps
    /// it), found up to two private calls deep; null when it lets out none.
    /// </summary>
    private static ITypeSymbol? LetOutBy(IMethodSymbol method, FtpLibraries libraries)
    {
        method = method.PartialImplementationPart ?? method;
        if (!FtpLibraries.IsPrivateHelper(method))
        {
            return null;
        }

        var known = libraries.ReplyExceptionsLetOut;
        return known.TryGetValue(method, out var thrown) ? thrown : known.GetOrAdd(method, Find(method, libraries, depth: 0));
    }

    private static ITypeSymbol? Find(IMethodSymbol method, FtpLibraries libraries, int depth)
    {
        if (libraries.PrivateHelperBody(method) is not { } body)
        {
            return null;
        }

        ITypeSymbol? found = null;
        OperationHelpers.AnyDescendant(body, (libraries, depth, method), (operation, asked) =>
        {
            if (operation is not IInvocationOperation invocation || IsInNestedFunction(invocation, body))
            {
                return false;
            }

            var thrown = asked.libraries.NegativeReplyException(invocation);
            if (thrown is null && asked.depth < 1 && !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod, asked.method))
            {
                thrown = Find(invocation.TargetMethod, asked.libraries, asked.depth + 1);
            }

            if (thrown is null || IsKept(invocation, thrown, body))
            {
                return false;
            }

            found = thrown;
            return true;
        });
        return found;
    }

    /// <summary>True inside a lambda or local function of <paramref name="body"/>: its exceptions leave another way.</summary>
    private static bool IsInNestedFunction(IOperation operation, IOperation body)
    {
        for (var parent = operation.Parent; parent is not null && parent != body; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a try around <paramref name="call"/> catches <paramref name="thrown"/> and does not throw it on (<c>throw;</c>).</summary>
    private static bool IsKept(IOperation call, ITypeSymbol thrown, IOperation body)
    {
        IOperation child = call;
        for (var parent = call.Parent; parent is not null && child != body; child = parent, parent = parent.Parent)
        {
            if (parent is not ITryOperation tryOperation || tryOperation.Body != child)
            {
                continue;
            }

            foreach (var clause in tryOperation.Catches)
            {
                if (OperationHelpers.CatchReceives(clause.ExceptionType, thrown)
                    && !OperationHelpers.AnyInTree(clause.Handler, 0, static (operation, _) => operation is IThrowOperation { Exception: null }))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
