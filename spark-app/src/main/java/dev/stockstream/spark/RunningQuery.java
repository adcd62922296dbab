package dev.stockstream.spark;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.StreamExecution;
import org.apache.spark.sql.execution.streaming.StreamingQueryWrapper;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryManager;

/** The streaming query whose micro-batch runs on the current thread (a {@code foreachBatch} call). */
final class RunningQuery {

    private RunningQuery() {
    }

    /** {@code queries}: the manager of the session that started the query. */
    static Optional<StreamExecution> current(SparkSession session, StreamingQueryManager queries) {
        String queryId = session.sparkContext().getLocalProperty(StreamExecution.QUERY_ID_KEY());
        StreamingQuery query = queryId == null ? null : queries.get(queryId);
        return query instanceof StreamingQueryWrapper wrapper ? Optional.of(wrapper.streamingQuery()) : Optional.empty();
    }
}
