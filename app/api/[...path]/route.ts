import { ApiError, GrpcCode } from '@/lib/api-error';
import { errorResponse } from '@/server/api/respond';

export const dynamic = 'force-dynamic';

// Unknown API paths answer like argo-server's gateway, not with the dashboard's HTML 404 page.
function notFound() {
  return errorResponse(new ApiError(GrpcCode.NotFound, 'Not Found'));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as DELETE, notFound as PATCH };
