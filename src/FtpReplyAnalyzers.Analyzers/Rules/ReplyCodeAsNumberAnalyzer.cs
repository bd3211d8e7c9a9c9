using System.Collections.Immutable;
using System.Globalization;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// FTPR0008: an FtpStatusCode written as a number where a named member exists: <c>(int)status == 426</c>,
/// <c>(FtpStatusCode)426</c>, <c>case 426:</c> on <c>(int)status</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReplyCodeAsNumberAnalyzer : FtpReplyAnalyzer
{
    /// <summary>Diagnostic property: the member's name.</summary>
    public const string MemberProperty = "Member";

    /// <summary>Diagnostic property: "Comparison", "Cast" or "CaseLabel".</summary>
    public const string ShapeProperty = "Shape";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.ReplyCodeAsNumber);

    private protected override bool IsActive(FtpAnalysisContext ftp) => ftp.Types.FtpStatusCode is not null;

    private protected override void AnalyzeBlock(ReplyBlock block, FtpAnalysisContext ftp, DiagnosticReporter report)
    {
        var statusCode = ftp.Types.FtpStatusCode!;
        foreach (var operation in block.CodeTests)
        {
            Analyze(report, operation, ftp, statusCode);
        }
    }

    private static void Analyze(DiagnosticReporter context, IOperation operation, FtpAnalysisContext ftp, INamedTypeSymbol statusCode)
    {
        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                if (IsStatusAsNumber(binary.LeftOperand, ftp) && Member(binary.RightOperand, statusCode) is { } right)
                {
                    Report(context, binary.Syntax, right, "Comparison");
                }
                else if (IsStatusAsNumber(binary.RightOperand, ftp) && Member(binary.LeftOperand, statusCode) is { } left)
                {
                    Report(context, binary.Syntax, left, "Comparison");
                }

                break;
            case IConversionOperation { IsImplicit: false } conversion when ftp.Types.IsFtpStatusCode(conversion.Type) && !IsRangeBound(conversion)
                                                                          && conversion.Operand is ILiteralOperation literal && Member(literal, statusCode) is { } member:
                Report(context, conversion.Syntax, member, "Cast");
                break;
            case ISingleValueCaseClauseOperation clause when clause.Parent?.Parent is ISwitchOperation switchOperation
                                                            && IsStatusAsNumber(switchOperation.Value, ftp) && Member(clause.Value, statusCode) is { } caseMember:
                Report(context, clause.Value.Syntax, caseMember, "CaseLabel");
                break;
        }
    }

    /// <summary>A bound of a range (is >= (FtpStatusCode)400 and &lt; (FtpStatusCode)500): the number is the point.</summary>
    private static bool IsRangeBound(IOperation operation)
        => operation.Parent is IRelationalPatternOperation
           || operation.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual };

    /// <summary>(int)status: an FtpStatusCode converted to a number.</summary>
    private static bool IsStatusAsNumber(IOperation operation, FtpAnalysisContext ftp)
        => operation is IConversionOperation { Operand: var operand } conversion && conversion.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
           && ftp.Types.IsFtpStatusCode(ReplyRecognizer.StripConversions(operand)?.Type);

    /// <summary>The member of FtpStatusCode whose value the number literal is.</summary>
    private static IFieldSymbol? Member(IOperation operation, INamedTypeSymbol statusCode)
    {
        var literal = ReplyRecognizer.StripConversions(operation);
        if (literal is not ILiteralOperation { ConstantValue: { HasValue: true, Value: int or long } constant })
        {
            return null;
        }

        var value = System.Convert.ToInt64(constant.Value, CultureInfo.InvariantCulture);
        if (value == 0)
        {
            return null;
        }

        foreach (var member in statusCode.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && System.Convert.ToInt32(field.ConstantValue, CultureInfo.InvariantCulture) == value)
            {
                return field;
            }
        }

        return null;
    }

    private static void Report(DiagnosticReporter context, SyntaxNode syntax, IFieldSymbol member, string shape)
    {
        context.Report(Diagnostic.Create(
            RuleDescriptors.ReplyCodeAsNumber,
            syntax.GetLocation(),
            DiagnosticProperties.Of(MemberProperty, member.Name, ShapeProperty, shape),
            System.Convert.ToInt32(member.ConstantValue, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            member.Name));
    }
}
