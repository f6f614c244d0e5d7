using System.Collections.Generic;

namespace PropertyCrm.Harness.Pipeline;

/// <summary>
/// System jobs waiting to run: asynchronous steps whose triggering transaction committed. Nothing runs
/// until the test calls DrainAsyncSteps, so a test sees the state between commit and the async service.
/// </summary>
internal sealed class AsyncQueue
{
    private readonly Queue<(StepRegistration Step, PluginExecutionContext Context)> queue = new();

    public int Count
    {
        get
        {
            lock (queue)
            {
                return queue.Count;
            }
        }
    }

    public void Enqueue(StepRegistration step, PluginExecutionContext context)
    {
        lock (queue)
        {
            queue.Enqueue((step, context));
        }
    }

    public bool TryDequeue(out (StepRegistration Step, PluginExecutionContext Context) job)
    {
        lock (queue)
        {
            return queue.TryDequeue(out job);
        }
    }
}
