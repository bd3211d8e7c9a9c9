using System.Collections.Generic;
using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// Finds the FTP command a reply answers: the text sent by the call that produced the reply, the
/// <c>FtpWebRequest.Method</c> set on the request, or the last command sent before the reply is read.
/// </summary>
internal sealed class CommandFinder
{
    private readonly FtpLibraries _libraries;
    private OperationCache<IOperation, BodyCommands> _bodies;

    public CommandFinder(FtpLibraries libraries) => _libraries = libraries;

    /// <summary>What <paramref name="body"/> says about the commands it sends, found once for the block.</summary>
    internal BodyCommands CommandsOf(IOperation body)
        => _bodies.TryGet(body, out var commands) ? commands : _bodies.Keep(body, BodyCommands.Walk(body, _libraries));

    /// <summary>
    /// The operations of a function body that tell the command: the writes (declarators, assignments, initializers
    /// of <c>Method</c>) and the arguments that are command text with their verb, in source order. Listed from the
    /// operations the driver hands the block's collector, or by one walk of the body through ChildOperations.
    /// </summary>
    internal sealed class BodyCommands
    {
        private readonly FtpLibraries _libraries;

        private BodyCommands(IOperation body, Listing listing, FtpLibraries libraries)
        {
            Body = body;
            _libraries = libraries;
            Writes = listing.Writes?.ToArray() ?? System.Array.Empty<IOperation>();
            _arguments = listing.Arguments;
            _calls = listing.Calls;
            _rawWrites = listing.RawWrites;
            Aborts = listing.Aborts?.ToArray() ?? System.Array.Empty<IInvocationOperation>();
        }

        /// <summary>Walks <paramref name="body"/> for what it says about commands.</summary>
        public static BodyCommands Walk(IOperation body, FtpLibraries libraries)
        {
            var listing = new Listing();
            OperationHelpers.VisitDescendants(body, listing, static (operation, listing) => listing.Add(operation));
            return listing.For(body, libraries);
        }

        /// <summary>The command facts of operations handed one by one.</summary>
        internal sealed class Listing
        {
            public System.Collections.Generic.List<IOperation>? Writes { get; private set; }

            /// <summary>The arguments that may be command text (strings); their verbs are read when first asked.</summary>
            public System.Collections.Generic.List<IArgumentOperation>? Arguments { get; private set; }

            public System.Collections.Generic.List<IInvocationOperation>? Aborts { get; private set; }

            /// <summary>The calls, for the commands a library's own API sends (read when first asked).</summary>
            public System.Collections.Generic.List<IInvocationOperation>? Calls { get; private set; }

            /// <summary>The calls that write raw text or bytes to a socket, stream or writer (their text is read when first asked).</summary>
            public System.Collections.Generic.List<IInvocationOperation>? RawWrites { get; private set; }

            public void Add(IOperation operation)
            {
                switch (operation.Kind)
                {
                    case OperationKind.VariableDeclarator:
                    case OperationKind.SimpleAssignment:
                    case OperationKind.PropertyInitializer:
                        (Writes ??= new()).Add(operation);
                        break;
                    case OperationKind.Invocation:
                        // A call's arguments are read here, not one callback each: calls are fewer than arguments.
                        var invocation = (IInvocationOperation)operation;
                        AddArguments(invocation.Arguments);
                        (Calls ??= new()).Add(invocation);
                        if (invocation.TargetMethod.Name == "Abort")
                        {
                            (Aborts ??= new()).Add(invocation);
                        }
                        else if (HandWrittenClients.RawWriteData(invocation) is not null)
                        {
                            (RawWrites ??= new()).Add(invocation);
                        }

                        break;
                    case OperationKind.ObjectCreation:
                        AddArguments(((IObjectCreationOperation)operation).Arguments);
                        break;
                }
            }

            private void AddArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
            {
                foreach (var argument in arguments)
                {
                    if (CommandText.MayBeCommand(argument.Value) || CommandText.MayBeCommandMember(argument.Value))
                    {
                        (Arguments ??= new()).Add(argument);
                    }
                }
            }

            public BodyCommands For(IOperation body, FtpLibraries libraries) => new(body, this, libraries);
        }

        public IOperation Body { get; }

        /// <summary>Variable declarators, simple assignments and property initializers.</summary>
        public IOperation[] Writes { get; }

        private Write[]? _values;

        /// <summary>The writes that give a variable a value or set a request's Method, in source order. Read when first asked.</summary>
        public Write[] Values => _values ??= ReadValues();

        private Write[] ReadValues()
        {
            var values = new System.Collections.Generic.List<Write>(Writes.Length);
            foreach (var operation in Writes)
            {
                if (Write.Of(operation, _libraries) is { } write)
                {
                    values.Add(write);
                }
            }

            // In source order, the walk's order kept between equal starts: the last value written before a reply is the one that counts.
            // The walk's order mostly is the source order: sorted only when it is not.
            for (var i = 1; i < values.Count; i++)
            {
                if (values[i - 1].Start > values[i].Start)
                {
                    return System.Linq.Enumerable.ToArray(System.Linq.Enumerable.OrderBy(values, static write => write.Start));
                }
            }

            return values.ToArray();
        }

        private System.Collections.Generic.List<IArgumentOperation>? _arguments;
        private System.Collections.Generic.List<IInvocationOperation>? _calls;
        private System.Collections.Generic.List<IInvocationOperation>? _rawWrites;
        private (int Start, string Verb)[]? _sent;

        /// <summary>
        /// The commands sent: arguments that are command text, calls of a library's own API and raw writes of a
        /// command line to a connection, with where each starts (with its trivia) and the verb. A raw write whose text
        /// the code does not spell out is a command of its own, <see cref="Unknown"/>. Read when first asked: most
        /// bodies never are.
        /// </summary>
        public (int Start, string Verb)[] Sent => _sent ??= ReadSent();

        private (int Start, string Verb)[] ReadSent()
        {
            var sent = new System.Collections.Generic.List<(int Start, string Verb)>();
            foreach (var argument in _arguments ?? new())
            {
                // A line in a local counts where a command sender is given it: SendCommand(command).
                if ((CommandText.VerbOf(argument.Value)
                     ?? (argument.Parent is IInvocationOperation sender && HandWrittenClients.IsCommandSenderName(sender.TargetMethod.Name)
                         ? VerbInLocal(argument.Value, argument.Syntax.SpanStart) : null)) is { } verb)
                {
                    sent.Add((argument.Syntax.FullSpan.Start, verb));
                }
            }

            foreach (var call in _calls ?? new())
            {
                if (_libraries.CommandOf(call) is { } verb)
                {
                    sent.Add((call.Syntax.FullSpan.Start, verb));
                }
            }

            if (_rawWrites is not null)
            {
                foreach (var write in _rawWrites)
                {
                    if (VerbWritten(HandWrittenClients.RawWriteData(write), write.Syntax.SpanStart, depth: 0) is { } verb)
                    {
                        sent.Add((write.Syntax.SpanStart, verb));
                    }
                }
            }

            _arguments = null;
            _calls = null;
            _rawWrites = null;
            return sent.ToArray();
        }

        /// <summary>
        /// The verb of the line a raw write sends (<c>socket.Send(Encoding.ASCII.GetBytes(command))</c> with
        /// <c>command = "USER " + user</c> before it); <see cref="Unknown"/> when the text does not say (a parameter, a
        /// field, a call's result); null when what is written is no command: text that is none ("\r\n", a data line)
        /// or bytes that are not text (a file's buffer sent on the data connection).
        /// </summary>
        private string? VerbWritten(IOperation? data, int position, int depth)
        {
            data = OperationHelpers.StripConversions(data);
            if (data is null || depth > 4)
            {
                return Unknown;
            }

            switch (data)
            {
                case IInvocationOperation { TargetMethod.Name: "GetBytes", TargetMethod.ContainingType.ContainingNamespace.Name: "Text", Arguments.Length: > 0 } getBytes:
                    return VerbWritten(getBytes.Arguments[0].Value, position, depth + 1);
                case IInvocationOperation { TargetMethod.Name: "ToCharArray", Instance: { } chars }:
                    return VerbWritten(chars, position, depth + 1);
                case ILocalReferenceOperation local:
                    return LastValueBefore(local.Local, position) is ({ } start, { } value) ? VerbWritten(value, start, depth + 1)
                        : IsText(data) ? Unknown : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when data.ConstantValue is not { HasValue: true }:
                    return CommandText.VerbOf(data) ?? VerbWritten(concatenation.LeftOperand, position, depth + 1);
                case IInterpolatedStringOperation { Parts.Length: > 0 } interpolated when interpolated.Parts[0] is IInterpolationOperation first:
                    return VerbWritten(first.Expression, position, depth + 1);
            }

            if (CommandText.VerbOf(data) is { } verb)
            {
                return verb;
            }

            // Text the code spells out that is no command, or bytes and characters that are not text.
            return IsText(data) && data.ConstantValue is not { HasValue: true } && data is not IInterpolatedStringOperation ? Unknown : null;
        }

        /// <summary>
        /// The verb of a line held in a local (<c>SendCommand(command)</c> with <c>command = "RETR " + path</c> before
        /// it, or <c>command + "\r\n"</c>), or null when the text is not in a local or does not say.
        /// </summary>
        public string? VerbInLocal(IOperation text, int position)
        {
            var stripped = OperationHelpers.StripConversions(text);
            if (stripped is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation)
            {
                stripped = OperationHelpers.StripConversions(concatenation.LeftOperand);
            }

            if (stripped is not ILocalReferenceOperation)
            {
                return null;
            }

            var verb = VerbWritten(stripped, position, depth: 0);
            return verb == Unknown ? null : verb;
        }

        private static bool IsText(IOperation operation) => operation.Type?.SpecialType == SpecialType.System_String;

        /// <summary>Where the last write of a value to <paramref name="local"/> before <paramref name="position"/> starts, and the value.</summary>
        private (int Start, IOperation? Value) LastValueBefore(ILocalSymbol local, int position)
        {
            (int Start, IOperation? Value) last = (-1, null);
            foreach (var write in Values)
            {
                if (write.Start < position && !write.SetsMethod && SymbolEqualityComparer.Default.Equals(write.Variable, local) && write.Value is not null)
                {
                    last = (write.Start, write.Value);
                }
            }

            return last;
        }

        /// <summary>The calls of a method named Abort.</summary>
        public IInvocationOperation[] Aborts { get; }

        /// <summary>True when an argument is a command starting with <paramref name="verb"/>.</summary>
        public bool Sends(string verb) => Sends(verb, verb);

        /// <summary>True when an argument is a command starting with one of the two verbs.</summary>
        public bool Sends(string verb, string otherVerb)
        {
            foreach (var (_, sent) in Sent)
            {
                if (sent == verb || sent == otherVerb)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// A write read once for every reply of the body: the variable given a value (declared, assigned) or whose
    /// Method is set, where the write starts (with its trivia), and the value or the Method's verb.
    /// </summary>
    internal readonly struct Write
    {
        private Write(int start, ISymbol? variable, IOperation? value, string? method, bool setsMethod)
        {
            Start = start;
            Variable = variable;
            Value = value;
            Method = method;
            SetsMethod = setsMethod;
        }

        public int Start { get; }

        /// <summary>The variable written, or whose Method is set; null for a Method in an object initializer (any request's).</summary>
        public ISymbol? Variable { get; }

        /// <summary>The value given to the variable (null for a declarator without one).</summary>
        public IOperation? Value { get; }

        /// <summary>The verb of the Method set (null when it is not command text).</summary>
        public string? Method { get; }

        /// <summary>True for a Method set, false for a value given to the variable.</summary>
        public bool SetsMethod { get; }

        public static Write? Of(IOperation operation, FtpLibraries libraries)
        {
            var start = operation.Syntax.FullSpan.Start;
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    return new Write(start, declarator.Symbol, declarator.Initializer?.Value, null, setsMethod: false);
                case ISimpleAssignmentOperation assignment:
                    var target = OperationHelpers.StripConversions(assignment.Target);
                    if (target is ILocalReferenceOperation local)
                    {
                        return new Write(start, local.Local, assignment.Value, null, setsMethod: false);
                    }

                    if (target is IPropertyReferenceOperation { Instance: { } instance } property && libraries.IsCommandProperty(property.Property)
                        && OperationHelpers.RootSymbolOf(instance) is { } request)
                    {
                        return new Write(start, request, null, CommandText.VerbOf(assignment.Value), setsMethod: true);
                    }

                    return null;
                case IPropertyInitializerOperation { InitializedProperties.Length: 1 } propertyInit when libraries.IsCommandProperty(propertyInit.InitializedProperties[0]):
                    return new Write(start, null, null, CommandText.VerbOf(propertyInit.Value), setsMethod: true);
                default:
                    return null;
            }
        }
    }

    /// <summary>What <see cref="FromValue"/> answers for a reply read from a call that sent a command the code does not spell out.</summary>
    private const string Unknown = "?";

    /// <summary>
    /// The command verb the reply answers, or null when the code does not say: the command the call that produced the
    /// reply sent; when that call sent a command whose text cannot be read (<c>Send(cmd + name)</c>), none: an earlier
    /// command is not the one answered.
    /// </summary>
    public string? Find(ReplyExpression reply, IOperation site)
    {
        var body = OperationHelpers.FunctionBody(site);

        // A catch receives the reply of any command sent in its try: the command when there is one, else none is known.
        if (reply.Operation is ICatchClauseOperation { Parent: ITryOperation tryOperation })
        {
            return OnlyCommandSentIn(body, tryOperation.Body.Syntax.Span, out var several)
                   ?? (several ? null : OnlyRequestMethod(body, site.Syntax.SpanStart) ?? OnlyCommandOfHelpersIn(tryOperation.Body) ?? OnlyCommandOfCallsIn(tryOperation.Body, body, site));
        }

        // SendCommand("DELE " + name) on this object: the call is what says the command, not the object.
        var verb = FromValue(reply.Receiver is null or IInstanceReferenceOperation ? reply.Operation : reply.Receiver, body, site, 0);
        if (verb == Unknown)
        {
            return null;
        }

        verb ??= OnlyRequestMethod(body, site.Syntax.SpanStart);
        if (verb is not null)
        {
            return verb;
        }

        // string[] response = ReadResponse(): the command sent last before that read, on the path to the site (an if
        // and its else send different commands). Not for a client object whose reply property is read again.
        if (reply.RootSymbol is ILocalSymbol { Type: { SpecialType: SpecialType.System_String } or IArrayTypeSymbol or { IsValueType: true } } local)
        {
            foreach (var statement in OperationHelpers.StatementsOnPathBefore(site))
            {
                if (OperationHelpers.Writes(statement, local))
                {
                    return LastCommandSentIn(body, statement.Syntax.Span, out var sentThere) ?? (sentThere ? null : CommandOnPathBefore(body, statement));
                }
            }
        }

        return LastCommandSentBefore(body, site.Syntax.SpanStart);
    }

    private string? CommandOnPathBefore(IOperation body, IOperation operation)
    {
        foreach (var statement in OperationHelpers.StatementsOnPathBefore(operation))
        {
            // A command whose text the code does not spell out ends the search: the reply is not an earlier command's.
            var verb = LastCommandSentIn(body, statement.Syntax.Span, out var sent);
            if (verb is not null || sent)
            {
                return verb;
            }
        }

        return null;
    }

    private string? LastCommandSentBefore(IOperation body, int position) => LastCommandSentIn(body, TextSpan.FromBounds(0, position), out _);

    /// <summary>
    /// The verb of the last command sent within <paramref name="span"/>, or null; <paramref name="sent"/> says whether
    /// a command was sent there at all (the last one may be a command the code does not spell out).
    /// </summary>
    private string? LastCommandSentIn(IOperation body, TextSpan span, out bool sent)
    {
        string? verb = null;
        var best = -1;
        foreach (var (start, found) in CommandsOf(body).Sent)
        {
            if (span.Contains(start) && start > best)
            {
                verb = found;
                best = start;
            }
        }

        sent = best >= 0;
        return verb == Unknown ? null : verb;
    }

    /// <summary>True when the function aborts a transfer itself (ABOR sent, a library's abort call).</summary>
    public bool AbortsTransfer(IOperation site)
    {
        var commands = CommandsOf(OperationHelpers.FunctionBody(site));
        foreach (var abort in commands.Aborts)
        {
            if (_libraries.AbortsTransfer(abort))
            {
                return true;
            }
        }

        return commands.Sends("ABOR", "ABOR");
    }

    /// <summary>True when the function sends AUTH or ADAT (an RFC 2228 security exchange).</summary>
    public bool SendsSecurityCommand(IOperation site) => CommandsOf(OperationHelpers.FunctionBody(site)).Sends("AUTH", "ADAT");

    /// <summary>True when the function sends ADAT: the security data of a mechanism other than TLS (RFC 2228).</summary>
    public bool SendsSecurityData(IOperation site) => CommandsOf(OperationHelpers.FunctionBody(site)).Sends("ADAT");

    private string? FromValue(IOperation? value, IOperation body, IOperation site, int depth)
    {
        value = OperationHelpers.StripConversions(value);
        if (value is null || depth > 5)
        {
            return null;
        }

        switch (value)
        {
            case IAwaitOperation awaited:
                return FromValue(awaited.Operation, body, site, depth + 1);
            case IInvocationOperation invocation:
                foreach (var argument in invocation.Arguments)
                {
                    if (CommandText.VerbOf(argument.Value) is { } verb)
                    {
                        return verb;
                    }
                }

                if (_libraries.CommandOf(invocation) is { } named)
                {
                    return named;
                }

                foreach (var argument in invocation.Arguments)
                {
                    // ValidateReply(reply, ...): the reply passed in answers the command it was read for.
                    if (argument.Value.Type is { } type && _libraries.IsReplyObject(type))
                    {
                        return FromValue(argument.Value, body, site, depth + 1);
                    }

                    // Send(cmd + name): a command was sent, but its text does not say which, unless the local says it.
                    if (CommandText.MayBeCommand(argument.Value) && argument.Value.ConstantValue is not { HasValue: true }
                        && HandWrittenClients.IsCommandSenderName(invocation.TargetMethod.Name))
                    {
                        return CommandsOf(body).VerbInLocal(argument.Value, argument.Syntax.SpanStart) ?? Unknown;
                    }

                    // Send(Outcome.List): a sender given a member of an enum that names no command sends one the code does not say.
                    if (OperationHelpers.StripConversions(argument.Value) is IFieldReferenceOperation { Type.TypeKind: TypeKind.Enum }
                        && HandWrittenClients.IsCommandSenderName(invocation.TargetMethod.Name))
                    {
                        return Unknown;
                    }
                }

                // response = (FtpWebResponse)request.GetResponse(): the command is the request's Method.
                return invocation.Instance is { } instance ? FromValue(instance, body, site, depth + 1) : null;
            case IMemberReferenceOperation member when member.Instance is not null && member.Instance is not IInstanceReferenceOperation:
                return FromValue(member.Instance, body, site, depth + 1);
            case ILocalReferenceOperation local:
                return FromVariable(local.Local, body, site, depth);
            case IParameterReferenceOperation parameter:
                return FromVariable(parameter.Parameter, body, site, depth);
            default:
                return null;
        }
    }

    private string? FromVariable(ISymbol variable, IOperation body, IOperation site, int depth)
    {
        // The last value given to the variable before the site, or the Method set on it.
        IOperation? lastValue = null;
        string? method = null;
        var position = site.Syntax.SpanStart;
        foreach (var write in CommandsOf(body).Values)
        {
            // Where the write starts with its leading trivia is before the site's first token when the write is.
            if (write.Start >= position)
            {
                continue;
            }

            if (write.SetsMethod)
            {
                if (write.Variable is null || SymbolEqualityComparer.Default.Equals(write.Variable, variable))
                {
                    method = write.Method;
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(write.Variable, variable))
            {
                lastValue = write.Value ?? lastValue;
            }
        }

        if (method is not null)
        {
            return method;
        }

        return lastValue is null || lastValue == site ? null : FromValue(lastValue, body, lastValue, depth + 1);
    }

    /// <summary>The FtpWebRequest.Method the function sets before the site, when it sets only one (a catch's reply came from it).</summary>
    private string? OnlyRequestMethod(IOperation body, int position)
    {
        string? verb = null;
        foreach (var operation in CommandsOf(body).Writes)
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment && _libraries.IsCommandProperty(property)
                && assignment.Syntax.FullSpan.Start < position)
            {
                var found = CommandText.VerbOf(assignment.Value);
                if (found is null || (verb is not null && verb != found))
                {
                    return null;
                }

                verb = found;
            }
        }

        return verb;
    }

    /// <summary>
    /// The one command the calls in a try body that throw on a negative reply were made for, followed back to where their
    /// request was made (<c>var request = CreateRequest(path, WebRequestMethods.Ftp.DownloadFile);</c> before the try,
    /// then <c>request.GetResponse()</c> in it), or null when they were made for none the code says, or for several.
    /// </summary>
    private string? OnlyCommandOfCallsIn(IOperation tryBody, IOperation body, IOperation site)
    {
        string? verb = null;
        var unknown = false;
        OperationHelpers.VisitDescendants(tryBody, this, (operation, finder) =>
        {
            if (unknown || operation is not IInvocationOperation invocation || finder._libraries.NegativeReplyException(invocation) is null)
            {
                return;
            }

            var found = finder.FromValue(invocation, body, site, 0);
            if (found is null or Unknown || (verb is not null && verb != found))
            {
                unknown = true;
            }
            else
            {
                verb = found;
            }
        });
        return unknown ? null : verb;
    }

    /// <summary>
    /// The one command the private helpers called in a try body send or set as the request's method (MakeDirectory's
    /// try calls MakeDirectoryHelper, which makes an MKD request), or null when they send none or more than one.
    /// </summary>
    private string? OnlyCommandOfHelpersIn(IOperation tryBody)
    {
        string? verb = null;
        var several = false;
        OperationHelpers.VisitDescendants(tryBody, this, (operation, finder) =>
        {
            if (several || operation is not IInvocationOperation invocation || finder._libraries.PrivateHelperBody(invocation.TargetMethod) is not { } helperBody)
            {
                return;
            }

            var found = finder.OnlyCommandSentIn(helperBody, helperBody.Syntax.Span, out var helperSendsSeveral) ?? (helperSendsSeveral ? null : finder.OnlyRequestMethod(helperBody, helperBody.Syntax.Span.End));
            if (helperSendsSeveral || (found is not null && verb is not null && found != verb))
            {
                several = true;
            }
            else
            {
                verb ??= found;
            }
        });
        return several ? null : verb;
    }

    private string? OnlyCommandSentIn(IOperation body, TextSpan span, out bool several)
    {
        string? verb = null;
        several = false;
        foreach (var (start, found) in CommandsOf(body).Sent)
        {
            // A raw write the code does not spell out (a data buffer) is no command of the try's.
            if (span.Contains(start) && found != Unknown)
            {
                if (verb is not null && verb != found)
                {
                    several = true;
                    return null;
                }

                verb = found;
            }
        }

        return verb;
    }
}
