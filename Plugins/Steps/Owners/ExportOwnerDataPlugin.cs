using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Privacy;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Owners;

/// <summary>
/// Custom API <c>pcrm_ExportOwnerData</c> (action, global): the owner's data-subject copy (PIPL art. 45) as one JSON
/// string — the contact (consents included) and their households, occupancies, service requests, fee bills and
/// payments, loyalty account, points ledger, redemptions, tier history, care occasions and care tasks, event
/// registrations and suggestions. An action, not a function, so a Power Automate flow answering the request can call
/// it. Reads as the caller; writes nothing. Budget: 1 read for the contact + 1 per table (<see cref="OwnerDataExport"/>).
/// </summary>
public sealed class ExportOwnerDataPlugin : PluginBase
{
    public const string ApiName = "pcrm_ExportOwnerData";
    public const string ContactParameter = "Contact";
    public const string DataOutput = "Data";

    public static readonly CustomApiDeclaration Api = new(
        ApiName,
        typeof(ExportOwnerDataPlugin),
        new LocalizedText("导出业主个人信息", "Export owner data"),
        new LocalizedText(
            "个人信息查阅复制请求(《个人信息保护法》第45条):以 JSON 返回系统中关于一位业主的全部信息。",
            "Data-subject access request (PIPL art. 45): returns everything held about one owner as JSON."))
    {
        Handler = Export,
        BindingType = CustomApiBindingType.Global,
        AllowedCustomProcessingStepType = CustomApiProcessingStepType.None,
        ExecutePrivilegeName = Privileges.ServeDataSubjectRequests,
        RequestParameters = new[]
        {
            new CustomApiField(
                ContactParameter,
                CustomApiFieldType.EntityReference,
                new LocalizedText("业主", "Owner"),
                new LocalizedText("要导出其信息的业主(联系人)。", "The owner (contact) whose data to export."))
            {
                LogicalEntityName = ContactTable.LogicalName,
            },
        },
        ResponseProperties = new[]
        {
            new CustomApiField(
                DataOutput,
                CustomApiFieldType.String,
                new LocalizedText("业主信息 (JSON)", "Owner data (JSON)"),
                new LocalizedText(
                    "JSON:owner、exportedOn、contact(联系人列)与 tables(每个表名对应该业主的行)。",
                    "JSON: owner, exportedOn, contact (the contact's columns) and tables (each table name with the owner's rows).")),
        },
    };

    public ExportOwnerDataPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void Export(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var contact = execution.GetRequiredInput<EntityReference>(ContactParameter);
        execution.OutputParameters[DataOutput] = new OwnerDataExport(context.Scope).Export(contact.Id);
    }
}
