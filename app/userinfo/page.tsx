import { UserInfoPage } from '@/components/userinfo/user-info';

export default function UserInfoRoute() {
  return <UserInfoPage />;
}
