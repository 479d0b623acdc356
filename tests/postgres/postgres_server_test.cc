// The harness itself: a server starts, answers, and gives each test its own
// database.

#include "tests/postgres/postgres_server.h"

#include <gtest/gtest.h>

#include <string>

namespace guanxi::testing {
namespace {

class PostgresServerTest : public PostgresTest {};

TEST_F(PostgresServerTest, ServerAnswersOnLoopbackAtItsPort) {
  bool ok = false;
  const std::string answer = Server().Psql(database_, "SELECT inet_server_port(), 40 + 2", &ok);
  ASSERT_TRUE(ok) << Server().error();
  EXPECT_EQ(answer, std::to_string(Server().port()) + "|42\n");
  EXPECT_EQ(uri_,
            "postgresql://postgres@127.0.0.1:" + std::to_string(Server().port()) + "/" + database_);
}

TEST_F(PostgresServerTest, EachTestDatabaseStartsEmpty) {
  bool ok = false;
  const std::string tables =
      Server().Psql(database_, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", &ok);
  ASSERT_TRUE(ok) << Server().error();
  EXPECT_EQ(tables, "0\n");
}

}  // namespace
}  // namespace guanxi::testing
