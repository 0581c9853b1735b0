-- The dashboard and a challenge's page read a challenge's links, ratings and roles by challenge:
-- the per-kind link indexes are partial and cannot serve "all links of these challenges".
CREATE INDEX challenge_links_challenge ON challenge_links(challenge_id);
CREATE INDEX challenge_ratings_challenge ON challenge_ratings(challenge_id);
