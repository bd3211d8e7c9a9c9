using System;
using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// Decides whether an expression is an FTP reply code: <c>FtpStatusCode</c> values, FluentFTP replies and
/// exceptions, and the codes of hand-written clients (by what they are read from and how they are named).
/// HTTP status codes are never FTP replies.
/// </summary>
internal sealed class ReplyRecognizer
{
    private readonly FtpLibraries _libraries;
    private OperationCache<IOperation, ReplyExpression?> _cache;

    // What each local's initial value says of it (see RecognizeHandWrittenVariable): found once per local, not per reference.
    private OperationCache<ILocalSymbol, Initial?> _initials;

    // The members whose writes this recogniser is looking at (see IsWrittenFromReply).
    private System.Collections.Generic.HashSet<ISymbol>? _asking;

    public ReplyRecognizer(FtpLibraries libraries, ISymbol? member)
    {
        _libraries = libraries;
        Member = member;
        Symbols = new EnclosingSymbols(member);
    }

    public FtpLibraries Libraries => _libraries;

    /// <summary>The functions and members that hold the block's operations.</summary>
    public EnclosingSymbols Symbols { get; }

    /// <summary>The symbol that owns the code block this recogniser serves (a method, a field, ...), when known.</summary>
    public ISymbol? Member { get; }

    /// <summary>The reply that <paramref name="operation"/> holds, or null.</summary>
    public ReplyExpression? Recognize(IOperation? operation)
        => operation is null ? null : _cache.TryGet(operation, out var found) ? found : _cache.Keep(operation, Recognize(operation, depth: 0));

    private ReplyExpression? Recognize(IOperation? operation, int depth)
    {
        operation = OperationHelpers.StripConversions(operation);
        if (operation is null || depth > 4)
        {
            return null;
        }

        var type = operation.Type;
        if (_libraries.IsNeverReply(type))
        {
            return null;
        }

        if (_libraries.KindOfValueType(type) is { } held)
        {
            return new ReplyExpression(held.Kind, operation, OperationHelpers.ReceiverOf(operation), held.Library);
        }

        // By kind: a kind is cheaper to ask than an interface, and most operations asked about are none of these.
        switch (operation.Kind)
        {
            case OperationKind.PropertyReference:
                {
                    var propertyReference = (IPropertyReferenceOperation)operation;
                    var property = propertyReference.Property;
                    if (_libraries.ReadMember(property, out var kind) is { } library)
                    {
                        return kind is { } memberKind ? new ReplyExpression(memberKind, operation, propertyReference.Instance, library) : null;
                    }

                    return RecognizeHandWrittenMember(operation, property, property.Type, propertyReference.Instance);
                }

            case OperationKind.FieldReference:
                var fieldReference = (IFieldReferenceOperation)operation;
                if (_libraries.ReadMember(fieldReference.Field, out var fieldKind) is { } fieldLibrary)
                {
                    return fieldKind is { } fieldHeld ? new ReplyExpression(fieldHeld, operation, fieldReference.Instance, fieldLibrary) : null;
                }

                return RecognizeHandWrittenMember(operation, fieldReference.Field, fieldReference.Field.Type, fieldReference.Instance);

            case OperationKind.LocalReference:
                var local = ((ILocalReferenceOperation)operation).Local;
                return RecognizeHandWrittenVariable(operation, local, local.Type, depth);

            case OperationKind.ParameterReference:
                var parameter = ((IParameterReferenceOperation)operation).Parameter;
                return RecognizeHandWrittenVariable(operation, parameter, parameter.Type, depth);

            case OperationKind.Invocation:
                return RecognizeInvocation((IInvocationOperation)operation, depth);

            case OperationKind.SimpleAssignment:
                // while ((code = SendCommand("DELE " + name)) != 250): the reply is the value assigned.
                var assignment = (ISimpleAssignmentOperation)operation;
                return Recognize(assignment.Value, depth + 1) ?? Recognize(assignment.Target, depth + 1);

            case OperationKind.ImplicitIndexerReference when IsReplyLineSlice(operation):
                // line[..3]: the range indexer binds to Substring.
                return new ReplyExpression(ReplyValueKind.Text, operation, null);

            case OperationKind.Await when operation is IAwaitOperation { Operation: IInvocationOperation awaited } && IsCodeType(type):
                return RecognizeInvocation(awaited, depth) is { } inner ? new ReplyExpression(inner.Kind, operation, inner.Receiver, inner.Library) : null;
        }

        return null;
    }

    private static bool IsCodeType(ITypeSymbol? type)
        => type is not null && type.SpecialType is SpecialType.System_Int32 or SpecialType.System_String or SpecialType.System_Int16
            or SpecialType.System_Int64 or SpecialType.System_UInt16 or SpecialType.System_UInt32;

    private ReplyExpression? RecognizeHandWrittenMember(IOperation operation, ISymbol member, ITypeSymbol type, IOperation? instance)
    {
        if (!IsCodeType(type) || !IsFtpContext(operation))
        {
            return null;
        }

        if (IsUserNamed(operation, member))
        {
            return new ReplyExpression(KindOf(type), operation, instance);
        }

        var owner = member.ContainingType;
        if (owner is null || HandWrittenClients.IsHttpName(owner.Name))
        {
            return null;
        }

        if (!HandWrittenClients.IsReplyCodeName(member.Name))
        {
            // LastCode, Result: named otherwise, but given the code parsed from a reply line somewhere in its type.
            return IsWrittenFromReply(member) ? new ReplyExpression(KindOf(type), operation, instance) : null;
        }

        // A bare "Status" or "Code" member counts only on a type that speaks FTP or holds a reply.
        if (!HandWrittenClients.HasQualifiedReplyName(member.Name) && !HandWrittenClients.SpeaksFtp(owner) && !HandWrittenClients.IsReplyHolderName(owner.Name))
        {
            return null;
        }

        return new ReplyExpression(KindOf(type), operation, instance);
    }

    /// <summary>
    /// True for a field or property of the project's own type that some method of the type sets to a reply read
    /// first-hand (<c>LastCode = int.Parse(line.Substring(0, 3))</c>, <c>Result = ReadReply()</c>). Found once per member
    /// for the compilation.
    /// </summary>
    private bool IsWrittenFromReply(ISymbol member)
    {
        if (member is not (IFieldSymbol or IPropertySymbol) || member.ContainingType is not { } owner || owner.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        var known = _libraries.MembersWrittenFromReplies;
        if (known.TryGetValue(member, out var written))
        {
            return written;
        }

        // Taken as not written while this recogniser looks for it: a write from the member itself (Code = Code / 10)
        // says nothing. Only the finished answer is shared: another thread may ask at the same time.
        _asking ??= new System.Collections.Generic.HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (!_asking.Add(member))
        {
            return false;
        }

        try
        {
            written = FindWriteFromReply(member, owner);
        }
        finally
        {
            _asking.Remove(member);
        }

        return known.GetOrAdd(member, written);
    }

    private bool FindWriteFromReply(ISymbol member, INamedTypeSymbol owner)
    {
        foreach (var reference in owner.DeclaringSyntaxReferences)
        {
            var typeSyntax = reference.GetSyntax();
            SemanticModel? model = null;
            foreach (var node in typeSyntax.DescendantNodes())
            {
                if (node is not Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax assignment || NameOf(assignment.Left) != member.Name)
                {
                    continue;
                }

                model ??= _libraries.ModelOf(typeSyntax.SyntaxTree);
                if (model.GetOperation(assignment) is ISimpleAssignmentOperation { Value: var value } write
                    && SymbolEqualityComparer.Default.Equals(OperationHelpers.VariableOf(OperationHelpers.StripConversions(write.Target)), member)
                    && IsReadFirstHand(OperationHelpers.StripConversions(value)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? NameOf(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax target) => target switch
    {
        Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// A reply parsed from a reply line (named for one or not: a member of the client's own type given the number in a
    /// line's first three characters holds a code), or read by the client's reply reader: what a reply field is set to.
    /// </summary>
    private bool IsReadFirstHand(IOperation? value)
        => value is IInvocationOperation invocation && !_libraries.IsNeverReply(invocation.Type)
           && (IsReplyLineSlice(invocation) || IsCodeParse(invocation) || RecognizeInvocation(invocation, depth: 1) is not null);

    private ReplyExpression? RecognizeHandWrittenVariable(IOperation operation, ISymbol variable, ITypeSymbol type, int depth)
    {
        if (!IsCodeType(type) || !IsFtpContext(operation))
        {
            return null;
        }

        if (IsUserNamed(operation, variable))
        {
            return new ReplyExpression(KindOf(type), operation, null);
        }

        // What the variable was initialised from decides first: an HTTP status is never a reply.
        if (variable is ILocalSymbol local)
        {
            // Kept for references read first-hand; one reached through another's initial value has less depth left.
            Initial? initial;
            if (depth > 0)
            {
                initial = InitialOf(local, operation, type, depth);
            }
            else if (!_initials.TryGet(local, out initial))
            {
                initial = _initials.Keep(local, InitialOf(local, operation, type, depth));
            }

            if (initial is { } decided)
            {
                return decided.IsReply ? new ReplyExpression(decided.Kind, operation, null) : null;
            }
        }

        if (!HandWrittenClients.IsReplyCodeName(variable.Name) && !(type.SpecialType == SpecialType.System_String && HandWrittenClients.IsReplyLineName(variable.Name)))
        {
            return null;
        }

        if (!HandWrittenClients.HasQualifiedReplyName(variable.Name) && !IsFtpMember(operation))
        {
            return null;
        }

        return new ReplyExpression(KindOf(type), operation, null);
    }

    /// <summary>What a local's initial value decides: a reply of some kind, or no reply (an HTTP status); null when it decides nothing.</summary>
    private readonly struct Initial
    {
        public Initial(bool isReply, ReplyValueKind kind)
        {
            IsReply = isReply;
            Kind = kind;
        }

        public bool IsReply { get; }

        public ReplyValueKind Kind { get; }
    }

    private Initial? InitialOf(ILocalSymbol local, IOperation reference, ITypeSymbol type, int depth)
    {
        var source = InitializerOf(local, reference);
        if (source is null)
        {
            return null;
        }

        if (IsHttpDerived(source))
        {
            return new Initial(isReply: false, default);
        }

        var inner = Recognize(source, depth + 1);
        if (inner is not null)
        {
            return new Initial(isReply: true, inner.Kind == ReplyValueKind.StatusCode ? ReplyValueKind.StatusCode : KindOf(type));
        }

        // A value a library's own API returns is a reply only where the library says so (its text, a path, a size).
        if (OperationHelpers.StripConversions(source) is IInvocationOperation call && _libraries.OwnsMethod(call.TargetMethod))
        {
            return new Initial(isReply: false, default);
        }

        return IsReplyLineSlice(source) ? new Initial(isReply: true, KindOf(type)) : null;
    }

    private ReplyExpression? RecognizeInvocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        var returnType = method.ReturnType;
        if (returnType is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask" } task)
        {
            returnType = task.TypeArguments[0];
        }

        // int.Parse(line.Substring(0, 3)), Convert.ToInt32(reply[..3]) and the like.
        if (method.Name is "Parse" or "ToInt32" or "ToInt16" && returnType.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int16
            && invocation.Arguments.Length > 0)
        {
            if (!IsDecimal(invocation))
            {
                return null;
            }

            var argument = OperationHelpers.StripConversions(invocation.Arguments[0].Value);
            if (argument is not null && (IsReplyLineSlice(argument) || Recognize(argument, depth + 1) is not null))
            {
                return new ReplyExpression(ReplyValueKind.Number, invocation, null);
            }

            return null;
        }

        if (IsReplyLineSlice(invocation))
        {
            return new ReplyExpression(ReplyValueKind.Text, invocation, null);
        }

        if (_libraries.OwnsMethod(method))
        {
            return null;
        }

        if (!IsCodeType(returnType) || !IsFtpContext(invocation))
        {
            return null;
        }

        if (IsUserNamed(invocation, method))
        {
            return new ReplyExpression(KindOf(returnType), invocation, invocation.Instance);
        }

        if (method.ContainingType is { } owner && HandWrittenClients.IsHttpName(owner.Name))
        {
            return null;
        }

        // ReadReply(), GetReplyCode(), SendCommand("RETR x") returning the code.
        if (HandWrittenClients.IsReplyReaderName(method.Name) && (returnType.SpecialType != SpecialType.System_String || HasFtpCommandArgument(invocation) || HandWrittenClients.NameMentions(method.Name, "Code") || HandWrittenClients.NameMentions(method.Name, "Reply")))
        {
            return new ReplyExpression(KindOf(returnType), invocation, invocation.Instance);
        }

        return null;
    }

    /// <summary>True for <c>line.Substring(0, 3)</c>, <c>line[..3]</c>, <c>line.Remove(3)</c> on a string named like a reply line.</summary>
    private bool IsReplyLineSlice(IOperation operation) => SlicedLine(operation) is { } line && IsReplyText(line);

    /// <summary>
    /// The string whose first three characters <paramref name="operation"/> takes (<c>line.Substring(0, 3)</c>,
    /// <c>line.Remove(3)</c>, <c>line[..3]</c>, <c>line.Substring(..3)</c>), or null.
    /// </summary>
    private static IOperation? SlicedLine(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation { TargetMethod.Name: "Substring", Instance: { } instance, Arguments.Length: 2 } substring
                when substring.Arguments[0].Value.ConstantValue is { HasValue: true, Value: 0 }
                     && substring.Arguments[1].Value.ConstantValue is { HasValue: true, Value: 3 }:
                return instance;
            case IInvocationOperation { TargetMethod.Name: "Remove", Instance: { } instance, Arguments.Length: 1 } remove
                when remove.Arguments[0].Value.ConstantValue is { HasValue: true, Value: 3 }:
                return instance;
            case IInvocationOperation { TargetMethod.Name: "Substring" or "Slice" } sliceCall when sliceCall.Instance is { } sliced
                && sliceCall.Arguments.Length == 1 && sliceCall.Arguments[0].Value is IRangeOperation:
                return sliced;
        }

        // line[..3] binds to Substring through the range indexer pattern.
        if (operation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ElementAccessExpressionSyntax element
            && element.ArgumentList.Arguments.Count == 1
            && element.ArgumentList.Arguments[0].Expression is Microsoft.CodeAnalysis.CSharp.Syntax.RangeExpressionSyntax { LeftOperand: null, RightOperand: { } right }
            && right.ToString() == "3"
            && operation.Type?.SpecialType == SpecialType.System_String)
        {
            foreach (var child in operation.ChildOperations)
            {
                if (child.Type?.SpecialType == SpecialType.System_String)
                {
                    return child;
                }
            }
        }

        return null;
    }

    /// <summary>A parse in base 10 (<c>Convert.ToInt32(text, 8)</c> reads a file mode, not a reply code).</summary>
    private static bool IsDecimal(IInvocationOperation parse)
        => parse.Arguments.Length == 1 || parse.Arguments[1].Value.Type?.SpecialType != SpecialType.System_Int32;

    /// <summary>
    /// <c>int.Parse(line.Substring(0, 3))</c>, <c>Convert.ToInt32(line[..3])</c>: the first three characters of a line
    /// read as a number, which is how a reply's code is read, whatever the line is called. Not in another base
    /// (<c>Convert.ToInt32(mode.Substring(0, 3), 8)</c>: a file mode).
    /// </summary>
    private static bool IsCodeParse(IInvocationOperation invocation)
        => invocation.TargetMethod.Name is "Parse" or "ToInt32" or "ToInt16" && invocation.Arguments.Length > 0
           && IsDecimal(invocation)
           && invocation.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int16
           && OperationHelpers.StripConversions(invocation.Arguments[0].Value) is { } argument && SlicedLine(argument) is not null;

    /// <summary>True when a string holds a reply line or a reply code.</summary>
    public bool IsReplyText(IOperation? operation)
    {
        operation = OperationHelpers.StripConversions(operation);
        if (operation is null || operation.Type?.SpecialType != SpecialType.System_String || !IsFtpContext(operation))
        {
            return false;
        }

        if (Recognize(operation) is not null)
        {
            return true;
        }

        // response[0], lines[^1]: a line of the reply read as an array; line ?? string.Empty.
        var named = operation;
        while (named is IArrayElementReferenceOperation or ICoalesceOperation)
        {
            named = OperationHelpers.StripConversions(named is IArrayElementReferenceOperation element ? element.ArrayReference : ((ICoalesceOperation)named).Value);
        }

        var name = named switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IMemberReferenceOperation member => member.Member.Name,
            IInvocationOperation invocation => invocation.TargetMethod.Name,
            IAwaitOperation { Operation: IInvocationOperation awaited } => awaited.TargetMethod.Name,
            _ => null,
        };
        return name is not null && (HandWrittenClients.IsReplyLineName(name) || HandWrittenClients.IsReplyCodeName(name) || HandWrittenClients.IsReplyReaderName(name));
    }

    private IOperation? InitializerOf(ILocalSymbol local, IOperation reference)
    {
        // The declarator's initializer, or the out argument that filled it (int.TryParse(line[..3], out var code)).
        foreach (var syntaxReference in local.DeclaringSyntaxReferences)
        {
            var declarator = syntaxReference.GetSyntax();
            var model = reference.SemanticModel;
            if (model is null || declarator.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var declared = OperationHelpers.Find(reference, declarator);
            if (declared is IVariableDeclaratorOperation declaratorOperation)
            {
                var value = declaratorOperation.Initializer?.Value ?? (declaratorOperation.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                if (value is not null)
                {
                    return value;
                }

                // int code; ... code = WaitResponse(): declared without a value, the first value written is its initial one.
                if (declarator is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: null, Parent.Parent: Microsoft.CodeAnalysis.CSharp.Syntax.LocalDeclarationStatementSyntax { Parent: { } scope } }
                    && FirstAssignedValue(reference, local, scope, declarator.Span.End) is { } assigned)
                {
                    return assigned;
                }
            }

            for (var node = declarator.Parent; node is not null && node is not Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax; node = node.Parent)
            {
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax argument && OperationHelpers.Find(reference, argument)?.Parent is IInvocationOperation tryParse
                    && tryParse.Arguments.Length > 0)
                {
                    return tryParse;
                }
            }
        }

        return null;
    }

    /// <summary>The value of the first plain assignment to <paramref name="local"/> in <paramref name="scope"/> after <paramref name="position"/>, in source order.</summary>
    private static IOperation? FirstAssignedValue(IOperation near, ILocalSymbol local, SyntaxNode scope, int position)
    {
        foreach (var node in scope.DescendantNodes(static n => n is not Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax
                     and not Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax))
        {
            if (node.SpanStart > position
                && node is Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax { Left: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name } assignment
                && assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression)
                && name.Identifier.ValueText == local.Name)
            {
                return OperationHelpers.Find(near, assignment) is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } written
                       && SymbolEqualityComparer.Default.Equals(target.Local, local)
                    ? written.Value
                    : null;
            }
        }

        return null;
    }

    private bool IsHttpDerived(IOperation source)
    {
        for (IOperation? o = source; o is not null; o = o is IConversionOperation c ? c.Operand : o is IParenthesizedOperation p ? p.Operand : null)
        {
            if (_libraries.IsNeverReply(o.Type))
            {
                return true;
            }

            if (o is IMemberReferenceOperation { Member.ContainingType: { } owner } && HandWrittenClients.IsHttpName(owner.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when .editorconfig names the symbol as holding FTP reply codes.</summary>
    private bool IsUserNamed(IOperation operation, ISymbol symbol) => _libraries.OptionsFor(operation.Syntax.SyntaxTree).IsReplyCodeMember(symbol);

    /// <summary>True when the code sits in a file that mentions FTP.</summary>
    private bool IsFtpContext(IOperation operation) => _libraries.IsFtpTree(operation.Syntax.SyntaxTree);

    // The last function asked about and its answer: the operations asked about are mostly in one function.
    private ISymbol? _lastFunction;
    private bool _lastFunctionIsFtp;

    /// <summary>True when the enclosing method or type speaks FTP (by name or by the FTP types it uses).</summary>
    private bool IsFtpMember(IOperation operation)
    {
        var symbol = Symbols.Of(operation);
        if (symbol is not null && ReferenceEquals(symbol, _lastFunction))
        {
            return _lastFunctionIsFtp;
        }

        var speaks = false;
        for (var s = symbol; s is not null && s is not INamespaceSymbol; s = s.ContainingSymbol)
        {
            if (HandWrittenClients.IsFtpOrReplyName(s.Name))
            {
                speaks = true;
                break;
            }
        }

        _lastFunction = symbol;
        _lastFunctionIsFtp = speaks;
        return speaks;
    }

    private static bool HasFtpCommandArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (CommandText.VerbOf(argument.Value) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static ReplyValueKind KindOf(ITypeSymbol type) => type.SpecialType == SpecialType.System_String ? ReplyValueKind.Text : ReplyValueKind.Number;
}
