using System;
using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Flow;

/// <summary>How a point of the code ends an operation.</summary>
internal enum GiveUpKind
{
    /// <summary>Not an end: the operation goes on, retries, or passes the reply on.</summary>
    None,

    /// <summary>Throws an exception that carries neither the reply nor the caught exception.</summary>
    Throw,

    /// <summary>Throws an exception that carries the reply (an error, but one a caller can classify).</summary>
    ThrowWithReply,

    /// <summary>Returns a failure value (false, null, an empty result, a failed status).</summary>
    ReturnFailure,

    /// <summary>Closes the client and returns.</summary>
    CloseAndReturn,

    /// <summary>Breaks out of the loop that would retry.</summary>
    BreakOutOfLoop,

    /// <summary>Exits the process.</summary>
    Exit,

    /// <summary>Logs an error (error handling, though not an end).</summary>
    LogError,

    /// <summary>Returns a success value (true, a Success status).</summary>
    ReturnSuccess,

    /// <summary>Closes an FTP response (taking the command as finished).</summary>
    CloseResponse,

    /// <summary>A library call that throws on any reply but the codes it is given (the error path is the library's).</summary>
    RejectedByLibrary,

    /// <summary>
    /// A reply test returned as the answer (<c>return code == 226 || code == 250;</c>, <c>=&gt; c is 226 or 452</c>): true,
    /// success, for the codes it selects. What false means is the caller's to say.
    /// </summary>
    AnswersYes,
}

/// <summary>Decides whether a statement or value gives up on an operation.</summary>
internal static class GiveUp
{
    /// <summary>How <paramref name="site"/> ends the operation.</summary>
    public static GiveUpKind Classify(IOperation site, ReplyRecognizer recognizer)
    {
        // By kind: every call of a block comes here, and a kind is cheaper to ask than an interface.
        switch (site.Kind)
        {
            case OperationKind.Throw when site is IThrowOperation { Exception: null } || IsPlaceholder(site):
                return GiveUpKind.None;
            case OperationKind.Throw:
                return CarriesReply(((IThrowOperation)site).Exception!, recognizer) ? GiveUpKind.ThrowWithReply : GiveUpKind.Throw;
            case OperationKind.Return when site is IReturnOperation { ReturnedValue: null } bareReturn:
                return ClosesClientBefore(bareReturn) ? GiveUpKind.CloseAndReturn : SetsFailedStatusBefore(bareReturn) ? GiveUpKind.ReturnFailure : GiveUpKind.None;
            case OperationKind.Return when site is IReturnOperation { ReturnedValue: { } value }:
                return IsFailureValue(value) ? GiveUpKind.ReturnFailure : IsSuccessValue(value) ? GiveUpKind.ReturnSuccess : GiveUpKind.None;
            case OperationKind.Branch when site is IBranchOperation { BranchKind: BranchKind.Break } breakOperation:
                return BreaksOutOfLoop(breakOperation) ? GiveUpKind.BreakOutOfLoop : GiveUpKind.None;
            case OperationKind.Branch:
                return GiveUpKind.None;
            case OperationKind.Invocation:
                var invocation = (IInvocationOperation)site;
                var name = invocation.TargetMethod.Name;
                if (name is "Exit" or "FailFast" && IsExit(invocation))
                {
                    return GiveUpKind.Exit;
                }

                if (ThrowHelpers.IsCall(invocation.Parent is IAwaitOperation awaited ? awaited : invocation, recognizer.Libraries))
                {
                    // Fail(reply), CloseAndThrow("..."): the project's own throw helper throws here.
                    return CarriesReply(invocation, recognizer) ? GiveUpKind.ThrowWithReply : GiveUpKind.Throw;
                }

                if (recognizer.Libraries.ClosesResponse(invocation))
                {
                    return GiveUpKind.CloseResponse;
                }

                return IsErrorLog(invocation, name) ? GiveUpKind.LogError : GiveUpKind.None;
            default:
                // A value returned through a switch arm or a conditional: "426" => false.
                if (!ReturnsValue(site))
                {
                    return GiveUpKind.None;
                }

                return IsFailureValue(site) ? GiveUpKind.ReturnFailure : IsSuccessValue(site) ? GiveUpKind.ReturnSuccess : GiveUpKind.None;
        }
    }

    /// <summary>
    /// <c>catch { if (!ignoreErrors) throw; return null; }</c> with <c>bool ignoreErrors = false</c>: before the site, its
    /// block rethrows when a parameter of the method has its default value, so by default the failure goes up to the
    /// caller, and the site is reached only when the caller asked for it.
    /// </summary>
    public static bool RethrowsByDefault(IOperation site)
    {
        var statement = site.Parent is IExpressionStatementOperation wrapper ? wrapper : site;
        if (statement.Parent is not IBlockOperation block)
        {
            return false;
        }

        foreach (var before in block.Operations)
        {
            if (before == statement)
            {
                break;
            }

            if (before is IConditionalOperation { WhenFalse: null } test && IsRethrow(test.WhenTrue) && IsTrueByDefault(test.Condition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRethrow(IOperation operation)
        => OperationHelpers.OnlyStatementOf(operation) is IExpressionStatementOperation { Operation: IThrowOperation { Exception: null } } or IThrowOperation { Exception: null };

    private static bool IsTrueByDefault(IOperation condition)
    {
        var negated = false;
        while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            negated = !negated;
            condition = not.Operand;
        }

        return condition is IParameterReferenceOperation { Parameter: { HasExplicitDefaultValue: true, ExplicitDefaultValue: bool value } } && value != negated;
    }

    /// <summary>
    /// <c>throw new NotImplementedException()</c>: the code after the test is not written yet. It says nothing about
    /// the replies that reach it, so it is no error handling of them.
    /// </summary>
    public static bool IsPlaceholder(IOperation site)
        => site is IThrowOperation { Exception: { } exception }
           && OperationHelpers.StripConversions(exception) is IObjectCreationOperation { Type: { Name: "NotImplementedException", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary>True for false, null, default, "", an empty collection, -1, a Failed/Error status, Task.FromResult of one of these.</summary>
    public static bool IsFailureValue(IOperation value)
    {
        value = OperationHelpers.StripConversions(value) ?? value;
        if (value is IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum } enumField })
        {
            return IsFailureName(enumField.Name);
        }

        if (value.ConstantValue is { HasValue: true } constant)
        {
            return constant.Value switch
            {
                null => true,
                false => true,
                string s => s.Length == 0,
                int i => i < 0,
                long l => l < 0,
                _ => value is IFieldReferenceOperation { Field.Name: var enumName } && IsFailureName(enumName),
            };
        }

        switch (value)
        {
            case IDefaultValueOperation:
                return true;
            case IFieldReferenceOperation { Field: { IsStatic: true } field }:
                return field.Name == "Empty" || (field.ContainingType?.TypeKind == TypeKind.Enum && IsFailureName(field.Name));
            case IInvocationOperation { TargetMethod: { Name: "Empty" } }:
                return true;
            case IInvocationOperation { TargetMethod: { Name: "FromResult", ContainingType.Name: "Task" } } fromResult when fromResult.Arguments.Length == 1:
                return IsFailureValue(fromResult.Arguments[0].Value);
            case IArrayCreationOperation array:
                return array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 };
            case IObjectCreationOperation { Arguments.Length: 0, Initializer: null } creation:
                return creation.Type is INamedTypeSymbol { IsGenericType: true } generic && generic.AllInterfaces.Length > 0 && IsCollection(generic);
            default:
                return false;
        }
    }

    /// <summary>True for true, a Success/Succeeded/Ok/Completed status, Task.FromResult(true).</summary>
    public static bool IsSuccessValue(IOperation value)
    {
        value = OperationHelpers.StripConversions(value) ?? value;
        switch (value)
        {
            case IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum } enumField }:
                return enumField.Name is "Success" or "Succeeded" or "Ok" or "OK" or "Completed" or "Complete" or "Done";
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: true } }:
                return true;
            case IInvocationOperation { TargetMethod: { Name: "FromResult", ContainingType.Name: "Task" } } fromResult when fromResult.Arguments.Length == 1:
                return IsSuccessValue(fromResult.Arguments[0].Value);
            default:
                return false;
        }
    }

    private static bool IsCollection(INamedTypeSymbol type)
    {
        foreach (var i in type.AllInterfaces)
        {
            if (i.Name == "IEnumerable")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFailureName(string name)
        => name is "Failed" or "Failure" or "Fail" or "Error" or "Aborted" or "Failing" or "Errored" or "Fatal";

    private static bool ReturnsValue(IOperation value)
    {
        for (var parent = value.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IReturnOperation:
                    return true;
                case ISwitchExpressionArmOperation:
                case ISwitchExpressionOperation:
                case IConditionalOperation { IsRef: false } when parent.Type is not null:
                case IConversionOperation:
                case IParenthesizedOperation:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>True when the thrown exception carries the reply, its code, a reply object or the caught exception.</summary>
    public static bool CarriesReply(IOperation exception, ReplyRecognizer recognizer)
    {
        exception = OperationHelpers.StripConversions(exception) ?? exception;

        // throw ex; throw e.InnerException: the caught exception travels on.
        if (exception is ILocalReferenceOperation or IParameterReferenceOperation || exception is IMemberReferenceOperation { Instance: ILocalReferenceOperation })
        {
            return true;
        }

        return OperationHelpers.AnyDescendant(exception, (exception, recognizer), static (operation, asked) => IsOrHoldsReply(operation, asked.exception, asked.recognizer));
    }

    /// <summary>One operation of a thrown exception that carries the reply (see <see cref="CarriesReply"/>).</summary>
    private static bool IsOrHoldsReply(IOperation operation, IOperation exception, ReplyRecognizer recognizer)
    {
        if (operation is ILocalReferenceOperation { Local: var local } && IsCatchVariable(local, exception))
        {
            return true;
        }

        if (operation.Type is { SpecialType: SpecialType.None } type && recognizer.Libraries.CarriesReply(type))
        {
            return true;
        }

        // throw new FtpCommandException(reply): the project's own reply object handed to the exception.
        if (operation.Parent is IArgumentOperation && operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
            && operation.Type is { SpecialType: SpecialType.None } held && HandWrittenClients.IsReplyClass(held))
        {
            return true;
        }

        // throw new ServerDownException(this), inside the reply's own class.
        if (operation is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance, Type: { } self } && HandWrittenClients.IsReplyClass(self))
        {
            return true;
        }

        if (operation is IPropertyReferenceOperation or IFieldReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation or IInvocationOperation
            && recognizer.Recognize(operation) is not null)
        {
            return true;
        }

        // new FtpClientException(response[0]): the reply's line.
        if (operation is IArrayElementReferenceOperation && recognizer.IsReplyText(operation))
        {
            return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="local"/> is the exception variable of a catch clause around <paramref name="operation"/>.</summary>
    private static bool IsCatchVariable(ILocalSymbol local, IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ICatchClauseOperation catchClause && catchClause.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation declarator
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>m_Status = Status.CommandFailed; return;</c>: a bare return right after a field or property is given a failed
    /// status (an enum member named for failure), which is how the method's caller learns of it.
    /// </summary>
    private static bool SetsFailedStatusBefore(IReturnOperation returnOperation)
    {
        if (returnOperation.Parent is null || OperationHelpers.StatementsOf(returnOperation.Parent) is not { } statements)
        {
            return false;
        }

        IOperation? previous = null;
        foreach (var statement in statements)
        {
            if (statement == returnOperation)
            {
                break;
            }

            previous = statement;
        }

        return previous is IExpressionStatementOperation
        {
            Operation: ISimpleAssignmentOperation
            {
                Target: IFieldReferenceOperation or IPropertyReferenceOperation,
                Value: IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum, Name: var status } },
            },
        } && (IsFailureName(status) || status.EndsWith("Failed", StringComparison.Ordinal) || status.EndsWith("Failure", StringComparison.Ordinal));
    }

    private static bool ClosesClientBefore(IReturnOperation returnOperation)
    {
        if (returnOperation.Parent is null || OperationHelpers.StatementsOf(returnOperation.Parent) is not { } statements)
        {
            return false;
        }

        foreach (var statement in statements)
        {
            if (statement == returnOperation)
            {
                break;
            }

            // Close(), Dispose(), Disconnect(), and the project's own CloseSocketConnect(), DisConnect(), QuitSession().
            if (statement is IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod.Name: var name } } && ClosesByName(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ClosesByName(string name)
    {
        foreach (var verb in CloseVerbs)
        {
            if (name.StartsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] CloseVerbs = { "Close", "Dispose", "Disconnect", "Quit", "Abort" };

    private static bool BreaksOutOfLoop(IBranchOperation breakOperation)
    {
        for (var parent = breakOperation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent.Kind)
            {
                case OperationKind.Switch:
                case OperationKind.AnonymousFunction:
                case OperationKind.LocalFunction:
                    return false;
                case OperationKind.Loop:
                    return RetryContext.IsRetryLoop((ILoopOperation)parent);
            }
        }

        return false;
    }

    private static bool IsExit(IInvocationOperation invocation)
        => invocation.TargetMethod is { Name: "Exit" or "FailFast", ContainingType.Name: "Environment" or "Application" };

    private static bool IsErrorLog(IInvocationOperation invocation, string name)
    {
        if (name is "LogError" or "LogCritical" or "Error" or "Fatal" or "ErrorFormat" or "FatalFormat" or "TraceError")
        {
            return true;
        }

        // Console.Error.WriteLine(...)
        return name.StartsWith("Write", System.StringComparison.Ordinal)
               && invocation.Instance is IPropertyReferenceOperation { Property: { Name: "Error", ContainingType.Name: "Console" } };
    }
}
