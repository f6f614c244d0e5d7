using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Harness.Pipeline;

// Which shared variables and which parent context a step's context carries. Learn ("Understand the execution
// context", Shared variables): for Create, Update and Delete, PreOperation and PostOperation steps reach the shared
// variables of PreValidation steps through ParentContext.SharedVariables; in all other cases SharedVariables holds them.
// So for those three messages stages 20–40 run in a child context of a PreValidation-level context of the same message.
internal sealed partial class EventPipeline
{
    private static ParameterCollection SharedVariablesOf(Operation operation, int stage) =>
        stage == (int)PipelineStage.PreValidation ? operation.PreValidationSharedVariables : operation.SharedVariables;

    private IPluginExecutionContext? ParentContextOf(Operation operation, int stage) =>
        operation.HasOuterContext && stage > (int)PipelineStage.PreValidation
            ? OuterContextOf(operation)
            : operation.Origin.ParentContext;

    /// <summary>
    /// The PreValidation-level context of a Create, Update or Delete: same message, table and depth, the PreValidation
    /// shared variables, the caller's context as its own parent. Also the parent of the operations a delete cascades to.
    /// </summary>
    internal PluginExecutionContext OuterContextOf(Operation operation) =>
        operation.OuterContext ??= NewContext(
            operation,
            typeof(object),
            (int)PipelineStage.PreValidation,
            0,
            operation.Origin.Transaction,
            operation.Origin.UserId,
            System.Guid.Empty,
            null,
            null,
            null);
}
