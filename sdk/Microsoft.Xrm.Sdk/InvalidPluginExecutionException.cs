using System;
#if NETFRAMEWORK
using System.Runtime.Serialization;
#endif

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// Thrown by a plug-in or custom workflow activity to stop the operation; its Message is shown to the user.
    /// </summary>
#if NETFRAMEWORK
    [Serializable]
#endif
    public sealed class InvalidPluginExecutionException : Exception
    {
        private OperationStatus _status;

        public InvalidPluginExecutionException()
        {
            _status = OperationStatus.Failed;
        }

        public InvalidPluginExecutionException(OperationStatus status)
            : this(status, string.Empty)
        {
        }

        public InvalidPluginExecutionException(string message)
            : base(message)
        {
            _status = OperationStatus.Failed;
        }

        public InvalidPluginExecutionException(OperationStatus status, string message)
            : this(status, 0, message)
        {
        }

        public InvalidPluginExecutionException(string message, Exception exception)
            : base(message, exception)
        {
            _status = OperationStatus.Failed;
        }

        /// <summary>A non-zero errorCode becomes the exception's HResult (and so ErrorCode).</summary>
        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
            : this(message)
        {
            _status = status;
            if (errorCode != 0)
            {
                HResult = errorCode;
            }
        }

#if NETFRAMEWORK
        private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
            _status = (OperationStatus)info.GetValue("Status", typeof(OperationStatus));
        }
#endif

        public OperationStatus Status
        {
            get { return _status; }
        }

        /// <summary>The exception's HResult.</summary>
        public int ErrorCode
        {
            get { return HResult; }
        }

#if NETFRAMEWORK
        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            if (info == null)
            {
                throw new ArgumentNullException(nameof(info));
            }

            info.AddValue("Status", _status, typeof(OperationStatus));
            base.GetObjectData(info, context);
        }
#endif
    }
}
