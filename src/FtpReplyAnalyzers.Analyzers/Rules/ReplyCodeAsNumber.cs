using System.Collections.Immutable;
using System.Globalization;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// FTPR0008: an FtpStatusCode written as a number where a named member exists: <c>(int)status == 426</c>,
/// <c>(FtpStatusCode)426</c>, <c>case 426:</c> on <c>(int)status</c>.
/// </summary>
internal sealed class ReplyCodeAsNumber : Rule
{
    /// <summary>Diagnostic property: the member's name.</summary>
    public const string MemberProperty = "Member";

    /// <summary>Diagnostic property: "Comparison", "Cast" or "CaseLabel".</summary>
    public const string ShapeProperty = "Shape";

    public override DiagnosticDescriptor Descriptor => RuleDescriptors.ReplyCodeAsNumber;

    public override bool IsActive(FtpAnalysisContext ftp)
    {
        foreach (var _ in ftp.Libraries.CodeEnums)
        {
            return true;
        }

        return false;
    }

    public override void Analyze(ReplyBlock block, FtpAnalysisContext ftp, OperationBlockAnalysisContext report)
    {
        foreach (var operation in block.CodeTests)
        {
            Analyze(report, operation, ftp);
        }
    }

    private static void Analyze(OperationBlockAnalysisContext context, IOperation operation, FtpAnalysisContext ftp)
    {
        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                if (CodeEnumAsNumber(binary.LeftOperand, ftp) is { } leftEnum && Member(binary.RightOperand, leftEnum) is { } right)
                {
                    Report(context, binary.Syntax, right, "Comparison");
                }
                else if (CodeEnumAsNumber(binary.RightOperand, ftp) is { } rightEnum && Member(binary.LeftOperand, rightEnum) is { } left)
                {
                    Report(context, binary.Syntax, left, "Comparison");
                }

                break;
            case IConversionOperation { IsImplicit: false, Type: INamedTypeSymbol codeEnum } conversion when ftp.Libraries.IsCodeEnum(codeEnum) && !IsRangeBound(conversion)
                                                                          && conversion.Operand is ILiteralOperation literal && Member(literal, codeEnum) is { } member:
                Report(context, conversion.Syntax, member, "Cast");
                break;
            case ISingleValueCaseClauseOperation clause when clause.Parent?.Parent is ISwitchOperation switchOperation
                                                            && CodeEnumAsNumber(switchOperation.Value, ftp) is { } switchEnum && Member(clause.Value, switchEnum) is { } caseMember:
                Report(context, clause.Value.Syntax, caseMember, "CaseLabel");
                break;
        }
    }

    /// <summary>A bound of a range (is >= (FtpStatusCode)400 and &lt; (FtpStatusCode)500): the number is the point.</summary>
    private static bool IsRangeBound(IOperation operation)
        => operation.Parent is IRelationalPatternOperation
           || operation.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual };

    /// <summary>The code enum (FtpStatusCode) of <c>(int)status</c>: a value of one converted to a number; null for anything else.</summary>
    private static INamedTypeSymbol? CodeEnumAsNumber(IOperation operation, FtpAnalysisContext ftp)
        => operation is IConversionOperation { Operand: var operand } conversion && conversion.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
           && OperationHelpers.StripConversions(operand)?.Type is INamedTypeSymbol codeEnum && ftp.Libraries.IsCodeEnum(codeEnum)
            ? codeEnum
            : null;

    /// <summary>The member of the code enum whose value the number literal is.</summary>
    private static IFieldSymbol? Member(IOperation operation, INamedTypeSymbol codeEnum)
    {
        var literal = OperationHelpers.StripConversions(operation);
        if (literal is not ILiteralOperation { ConstantValue: { HasValue: true, Value: int or long } constant })
        {
            return null;
        }

        var value = System.Convert.ToInt64(constant.Value, CultureInfo.InvariantCulture);
        if (value == 0)
        {
            return null;
        }

        foreach (var member in codeEnum.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && System.Convert.ToInt32(field.ConstantValue, CultureInfo.InvariantCulture) == value)
            {
                return field;
            }
        }

        return null;
    }

    private static void Report(OperationBlockAnalysisContext context, SyntaxNode syntax, IFieldSymbol member, string shape)
    {
        context.ReportDiagnostic(Diagnostic.Create(
            RuleDescriptors.ReplyCodeAsNumber,
            syntax.GetLocation(),
            DiagnosticProperties.Of(MemberProperty, member.Name, ShapeProperty, shape),
            System.Convert.ToInt32(member.ConstantValue, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            member.Name));
    }
}
