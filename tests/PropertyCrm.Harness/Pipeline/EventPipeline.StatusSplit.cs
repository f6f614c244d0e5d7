using System.Linq;
using Microsoft.Xrm.Sdk;

namespace PropertyCrm.Harness.Pipeline;

// Learn, "Behavior of specialized update operations": when an Update holds statecode/statuscode plus other columns,
// plug-ins registered on Update in PreOperation and/or PostOperation run once for the other columns, then once for the
// state/status columns. Both parts are the Update message; PreValidation runs once, on the whole Target.
internal sealed partial class EventPipeline
{
    private const string StateCode = "statecode";
    private const string StatusCode = "statuscode";

    /// <summary>
    /// Takes statecode/statuscode out of an Update's Target that also changes other columns and returns the state part
    /// to run after it (its own Target: id, statecode, statuscode), or null when the Update needs no split. The state
    /// part shares the request's shared variables and parent context (Learn: a PreOperation step that needs the full
    /// change hands it on in SharedVariables); its pre-image is read after the first part is written, and its filtering
    /// attributes are checked against its own Target. An IfRowVersionMatches check applies to the first part only.
    /// </summary>
    private Operation? SplitStatusChange(Operation operation)
    {
        if (operation.MessageName != "Update" || operation.TargetEntity is not { } target)
        {
            return null;
        }

        var primaryId = dataverse.Metadata.PrimaryIdAttribute(target.LogicalName);
        var changesState = target.Contains(StateCode) || target.Contains(StatusCode);
        var changesOthers = target.Attributes.Keys.Any(k => k != StateCode && k != StatusCode && k != primaryId);
        if (!changesState || !changesOthers)
        {
            return null;
        }

        var state = new Entity(target.LogicalName, target.Id);
        foreach (var column in new[] { StateCode, StatusCode })
        {
            if (target.Attributes.TryGetValue(column, out var value))
            {
                state[column] = value;
                target.Attributes.Remove(column);
            }
        }

        return operation.StatePart(state);
    }
}
