# Builds Parcours from this repository and runs it (production profile: postgres).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY processes processes
COPY rules rules
RUN ./mvnw -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 parcours
WORKDIR /app
COPY --from=build /src/target/parcours-*.jar /app/parcours.jar
COPY rules /app/rules
USER parcours
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=postgres JAVA_OPTS="-Xmx512m"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/parcours.jar"]
