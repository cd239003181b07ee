# One image per service, from its packaged Quarkus application (./mvnw package first).
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=detector -t autopilot/detector .
FROM eclipse-temurin:17-jre
ARG SERVICE
WORKDIR /deployments
COPY ${SERVICE}-service/target/quarkus-app/lib/ lib/
COPY ${SERVICE}-service/target/quarkus-app/*.jar ./
COPY ${SERVICE}-service/target/quarkus-app/app/ app/
COPY ${SERVICE}-service/target/quarkus-app/quarkus/ quarkus/
USER 1001
ENV JAVA_OPTS="-Xmx384m"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar"]
