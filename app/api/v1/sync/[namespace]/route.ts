import { ApiError, GrpcCode } from '@/lib/api-error';
import { errorResponse } from '@/server/api/respond';

export const dynamic = 'force-dynamic';

// SyncService (semaphore limits kept by the server) is not implemented yet: answer as argo-server v3.7.9 does.
const notImplemented = () => errorResponse(new ApiError(GrpcCode.Unimplemented, 'Not Implemented'));
export { notImplemented as GET, notImplemented as POST, notImplemented as PUT, notImplemented as DELETE };
